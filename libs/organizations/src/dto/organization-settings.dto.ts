import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  ValidationArguments,
} from 'class-validator';
import { Trim } from '@beacon/core/http';
import { CLOCK_TIME } from '../reminder-window';
import { IsTimeZone } from '../timezone.validator';

/** A field a PATCH may leave out, but not set to null. */
const IfGiven = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

/** `end` comes after `start` (a window does not cross midnight); checked only when `start` itself is a time. */
const IsAfterStart = () =>
  ValidateBy({
    name: 'isAfterStart',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => {
        const start = (args?.object as { start?: unknown } | undefined)?.start;
        if (typeof start !== 'string' || !CLOCK_TIME.test(start)) return true;
        return typeof value === 'string' && value > start;
      },
      defaultMessage: () => 'reminderWindow.end must be later than reminderWindow.start',
    },
  });

const TIME_MESSAGE = (field: string) => `reminderWindow.${field} must be a time HH:MM from 00:00 to 23:59`;
const DAYS_MESSAGE = 'reminderWindow.days must be distinct ISO weekdays from 1 (Monday) to 7 (Sunday)';

export class ReminderWindowDto {
  @ApiProperty({
    example: '08:00',
    description: 'HH:MM (00:00–23:59) in the recipient’s time zone; inclusive.',
  })
  @IsString({ message: TIME_MESSAGE('start') })
  @Matches(CLOCK_TIME, { message: TIME_MESSAGE('start') })
  start!: string;

  @ApiProperty({ example: '20:00', description: 'HH:MM (00:00–23:59), later than start; exclusive.' })
  @IsString({ message: TIME_MESSAGE('end') })
  @Matches(CLOCK_TIME, { message: TIME_MESSAGE('end') })
  @IsAfterStart()
  end!: string;

  @ApiProperty({
    type: [Number],
    example: [1, 2, 3, 4, 5],
    description: 'ISO weekdays, Monday = 1; stored sorted.',
  })
  @IsArray({ message: DAYS_MESSAGE })
  @ArrayNotEmpty({ message: 'reminderWindow.days must name at least one weekday' })
  @IsInt({ each: true, message: DAYS_MESSAGE })
  @Min(1, { each: true, message: DAYS_MESSAGE })
  @Max(7, { each: true, message: DAYS_MESSAGE })
  @ArrayUnique({ message: DAYS_MESSAGE })
  days!: number[];
}

export class UpdateOrganizationDto {
  @ApiPropertyOptional({ example: 'St. Mary Health', maxLength: 200 })
  @IfGiven()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: 'America/Chicago' })
  @IfGiven()
  @IsTimeZone()
  timezone?: string;

  @ApiPropertyOptional({
    type: ReminderWindowDto,
    nullable: true,
    description: 'When reminders may go out; null: at any time.',
  })
  @IsOptional()
  @IsObject({ message: 'reminderWindow must be an object { start, end, days } or null' })
  @ValidateNested()
  @Type(() => ReminderWindowDto)
  reminderWindow?: ReminderWindowDto | null;

  @ApiPropertyOptional({ minimum: 1, maximum: 1440, example: 15 })
  @IfGiven()
  @IsInt({ message: 'idleSignOutMinutes must be a whole number of minutes from 1 to 1440' })
  @Min(1, { message: 'idleSignOutMinutes must be a whole number of minutes from 1 to 1440' })
  @Max(1440, { message: 'idleSignOutMinutes must be a whole number of minutes from 1 to 1440' })
  idleSignOutMinutes?: number;
}

export class ReminderWindowView {
  @ApiProperty({ example: '08:00' }) start!: string;
  @ApiProperty({ example: '20:00' }) end!: string;
  @ApiProperty({ type: [Number], example: [1, 2, 3, 4, 5, 6, 7] }) days!: number[];
}

export class OrganizationSettingsView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() slug!: string;
  @ApiProperty({ example: 'America/Chicago' }) timezone!: string;
  @ApiProperty({
    type: ReminderWindowView,
    nullable: true,
    description:
      'When reminders may go out, in the recipient’s site (else the organization’s) zone; null: any time.',
  })
  reminderWindow!: ReminderWindowView | null;
  @ApiProperty({ description: 'How long the web app keeps an idle page signed in.', example: 15 })
  idleSignOutMinutes!: number;
}
