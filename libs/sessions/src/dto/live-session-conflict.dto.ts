import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsOptional, IsUUID } from 'class-validator';
import { InstantField } from '@beacon/core/http';
import { MAX_FACILITATORS } from './live-session.dto';

/**
 * One `facilitatorIds=` arrives as a string, several as a list: both become a list of lower-cased ids (PostgreSQL
 * answers ids lower-cased), repeated ids once.
 */
const IdList = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => {
    const list = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(list) || !list.every((id): id is string => typeof id === 'string')) return list;
    return [...new Set(list.map((id) => id.toLowerCase()))];
  });

export class LiveSessionConflictQuery {
  @ApiProperty({ type: [String], description: `The facilitators to check (1–${MAX_FACILITATORS})` })
  @IdList()
  @IsArray({ message: 'facilitatorIds must be a list of facilitator ids' })
  @ArrayNotEmpty({ message: 'facilitatorIds must name at least one facilitator' })
  @ArrayMaxSize(MAX_FACILITATORS, { message: `facilitatorIds may name at most ${MAX_FACILITATORS}` })
  @IsUUID('all', { each: true, message: 'facilitatorIds must be a list of facilitator ids' })
  facilitatorIds!: string[];

  @InstantField('startsAt')
  startsAt!: string;

  @InstantField('endsAt')
  endsAt!: string;

  @ApiPropertyOptional({ description: 'A session being changed: its own bookings are not conflicts' })
  @IsOptional()
  @IsUUID('all', { message: 'excludeSessionId must be a live session id' })
  excludeSessionId?: string;

  @ApiPropertyOptional({
    description:
      'Platform admins only (their token names no organization): the organization the session is for. Ignored for ' +
      "an organization's own staff.",
  })
  @IsOptional()
  @IsUUID('all', { message: 'organizationId must be an organization id' })
  organizationId?: string;
}

export class LiveSessionConflictView {
  @ApiProperty() facilitatorId!: string;
  @ApiProperty() facilitatorName!: string;
  @ApiProperty({ format: 'date-time', description: 'The start of the booked session' })
  busyFrom!: string;
  @ApiProperty({ format: 'date-time', description: 'The end of the booked session plus the travel buffer' })
  busyUntil!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "The booked session when it is this organization's; null for another organization's",
  })
  sessionId!: string | null;
}

export class LiveSessionConflictList {
  @ApiProperty({ type: [LiveSessionConflictView] }) items!: LiveSessionConflictView[];
  @ApiProperty({ nullable: true, type: String, description: 'Always null: at most a few bookings overlap' })
  nextCursor!: string | null;
}
