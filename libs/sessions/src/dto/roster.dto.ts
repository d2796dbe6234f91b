import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REGISTRATION_STATUSES, RegistrationStatus } from './registration.dto';

export const ROSTER_ATTENDANCE = ['attended', 'absent'] as const;
export type RosterAttendance = (typeof ROSTER_ATTENDANCE)[number];
export const ROSTER_CHECK_INS = ['provisional', 'rejected', 'confirmed'] as const;
export type RosterCheckIn = (typeof ROSTER_CHECK_INS)[number];

export class RosterEntryView {
  @ApiProperty() memberId!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional({
    description: "The organization's staff and platform admins only; a facilitator sees names",
  })
  email?: string;
  @ApiProperty({ enum: REGISTRATION_STATUSES }) registrationStatus!: RegistrationStatus;
  @ApiProperty({
    enum: ROSTER_ATTENDANCE,
    nullable: true,
    type: String,
    description: 'attended once marked present; absent once a mark was taken back; null when never marked',
  })
  attendance!: RosterAttendance | null;
  @ApiProperty({
    enum: ROSTER_CHECK_INS,
    nullable: true,
    type: String,
    description:
      'The self check-in: provisional until the roster closes or the facilitator rejects it; confirmed once it ' +
      'became attendance; null when the member did not check in',
  })
  checkIn!: RosterCheckIn | null;
}

export class RosterView {
  @ApiProperty() sessionId!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) rosterClosedAt!: string | null;
  @ApiProperty({ type: [RosterEntryView], description: 'Registered and waitlisted members, by name' })
  items!: RosterEntryView[];
}

export class MyRegistrationView {
  @ApiProperty() sessionId!: string;
  @ApiProperty({ description: 'My membership in the organization: the memberId to register or leave with' })
  memberId!: string;
  @ApiProperty({
    enum: REGISTRATION_STATUSES,
    nullable: true,
    type: String,
    description: 'null when I am not registered',
  })
  status!: RegistrationStatus | null;
  @ApiProperty({
    enum: ROSTER_ATTENDANCE,
    nullable: true,
    type: String,
    description: 'As on the roster',
  })
  attendance!: RosterAttendance | null;
  @ApiProperty({ enum: ROSTER_CHECK_INS, nullable: true, type: String, description: 'As on the roster' })
  checkIn!: RosterCheckIn | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) rosterClosedAt!: string | null;
}
