import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { IsEmail, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { NormalizeEmail, Trim } from './dto-transforms';

/** A required email address, trimmed and lower-cased (emails compare case-insensitively). */
export const EmailField = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ example: 'nurse@hospital.org' }),
    NormalizeEmail(),
    IsEmail({}, { message: '$property must be an email address' }),
    MaxLength(320),
  );

const NAME = [Trim(), IsString(), IsNotEmpty(), MaxLength(200)];

/** A required name (of a person, site, department, cohort…): trimmed, not empty, at most 200 characters. */
export const NameField = (doc: ApiPropertyOptions = { example: 'Alex Rivera' }): PropertyDecorator =>
  applyDecorators(ApiProperty(doc), ...NAME);

/** The same, optional (PATCH bodies). */
export const OptionalNameField = (doc: ApiPropertyOptions = {}): PropertyDecorator =>
  applyDecorators(ApiPropertyOptional(doc), IsOptional(), ...NAME);

/** An instant with its offset (or Z): a local time without one would mean different instants to different readers. */
export const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

const instantChecks = (name: string) => [
  IsISO8601({ strict: true }, { message: `${name} must be a date and time with its offset` }),
  Matches(INSTANT, { message: `${name} must be a date and time with its offset` }),
];

/** A required instant with its offset (see INSTANT), named `name` in its messages. */
export const InstantField = (name: string): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ format: 'date-time', example: '2031-03-04T14:00:00Z' }),
    ...instantChecks(name),
  );

/** The same, optional. */
export const OptionalInstantField = (name: string, doc: ApiPropertyOptions = {}): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ format: 'date-time', example: '2031-03-04T14:00:00Z', ...doc }),
    IsOptional(),
    ...instantChecks(name),
  );
