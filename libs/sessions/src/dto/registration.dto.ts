import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export const REGISTRATION_STATUSES = ['registered', 'waitlisted'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export class CreateRegistrationDto {
  @ApiProperty({ description: 'The member to register (a learner may name only themselves)' })
  @IsUUID('all', { message: 'memberId must be a member id' })
  memberId!: string;
}

export class RegistrationView {
  @ApiProperty() id!: string;
  @ApiProperty() sessionId!: string;
  @ApiProperty() memberId!: string;
  @ApiProperty({ enum: REGISTRATION_STATUSES }) status!: RegistrationStatus;
}
