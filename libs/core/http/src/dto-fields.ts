import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
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
