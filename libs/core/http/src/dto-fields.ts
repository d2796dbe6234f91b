import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { NormalizeEmail, Trim } from './dto-transforms';

/** A required email address, trimmed and lower-cased (emails compare case-insensitively). */
export const EmailField = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ example: 'nurse@hospital.org' }),
    NormalizeEmail(),
    IsEmail({}, { message: '$property must be an email address' }),
    MaxLength(320),
  );

/** A required person's name, trimmed, at most 200 characters. */
export const NameField = (): PropertyDecorator =>
  applyDecorators(ApiProperty({ example: 'Alex Rivera' }), Trim(), IsString(), IsNotEmpty(), MaxLength(200));
