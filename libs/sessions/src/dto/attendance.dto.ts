import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsString, IsUUID, Matches } from 'class-validator';

export class MarkAttendanceDto {
  @ApiProperty({ description: 'A member registered (with a seat) for the session' })
  @IsUUID('all', { message: 'memberId must be a member id' })
  memberId!: string;

  @ApiProperty({ description: 'true marks the member present; false takes the mark back' })
  @IsBoolean({ message: 'attended must be true or false' })
  attended!: boolean;
}

export class AttendanceView {
  @ApiProperty() sessionId!: string;
  @ApiProperty() memberId!: string;
  @ApiProperty() attended!: boolean;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) attendedAt!: string | null;
  @ApiProperty({
    type: [String],
    description: "The member's enrollments of the course the attendance completed (empty when none was open)",
  })
  completedEnrollmentIds!: string[];
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'The certificate issued for the attendance; null when none was open or the evaluation is due',
  })
  certificateId!: string | null;
  @ApiProperty({
    description:
      "The course asks for the learner's evaluation before the certificate: given on the first completed enrollment",
  })
  evaluationRequired!: boolean;
}

export class CheckInDto {
  @ApiProperty({
    example: '042917',
    description: 'The six digits shown at the session (they change every minute)',
  })
  @IsString({ message: 'code must be the six digits shown at the session' })
  @Matches(/^\d{6}$/, { message: 'code must be the six digits shown at the session' })
  code!: string;
}

export class CheckInCodeView {
  @ApiProperty({ example: '042917' }) code!: string;
  @ApiProperty({
    format: 'date-time',
    description: 'When the next code replaces it (the previous one is accepted one minute more)',
  })
  changesAt!: string;
}

export class CheckInView {
  @ApiProperty() sessionId!: string;
  @ApiProperty() memberId!: string;
  @ApiProperty({ format: 'date-time' }) checkedInAt!: string;
  @ApiProperty({
    enum: ['provisional', 'attended', 'rejected'],
    description: 'provisional until the facilitator closes the roster',
  })
  status!: 'provisional' | 'attended' | 'rejected';
}

export class RosterCloseView {
  @ApiProperty() sessionId!: string;
  @ApiProperty({ format: 'date-time' }) closedAt!: string;
  @ApiProperty({
    type: [AttendanceView],
    description: 'The check-ins confirmed as attendance, with their credit',
  })
  confirmed!: AttendanceView[];
}
