import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Trim } from '@beacon/core/http';

export class CreditView {
  @ApiProperty({ example: 'nursing_contact_hours' }) code!: string;
  @ApiProperty({ example: 'Nursing contact hours (ANCC NCPD)' }) label!: string;
}

export class CertificateView {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'HT101-2026-000042' }) number!: string;
  @ApiProperty() learnerName!: string;
  @ApiProperty() courseCode!: string;
  @ApiProperty() courseTitle!: string;
  @ApiProperty() creditHours!: number;
  @ApiProperty({
    type: [String],
    description: 'Codes of the credit types awarded: those of the course the provider is configured to award',
  })
  creditTypes!: string[];
  @ApiProperty({ type: [CreditView], description: 'The awarded credit types as printed on the certificate' })
  credits!: CreditView[];
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'Minutes the learner actually spent: each module from first opening to completion (capped at three times ' +
      'its estimate) plus the passing attempt (capped at two minutes a question); null on certificates issued ' +
      'before this was recorded',
  })
  timeSpentMinutes!: number | null;
  @ApiProperty({ description: "Completion date in the organization's time zone" }) completedOn!: string;
  @ApiProperty() issuedAt!: string;
  @ApiProperty() verificationCode!: string;
  @ApiProperty() verifyUrl!: string;
  @ApiProperty() providerName!: string;
  @ApiProperty() providerAddress!: string;
  @ApiProperty({ type: [String] }) accreditationStatements!: string[];
  @ApiProperty() revoked!: boolean;
  @ApiProperty({ nullable: true, type: String }) revokedAt!: string | null;
  @ApiProperty({
    enum: ['online', 'live_session'],
    description: 'Where the credit was earned: an online assessment pass, or attending a live session',
  })
  earnedIn!: 'online' | 'live_session';
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The live session attended; null for online credit',
  })
  liveSessionId!: string | null;
}

export class CertificatePage {
  @ApiProperty({ type: [CertificateView] }) items!: CertificateView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class PublicCertificateView {
  @ApiProperty({ description: 'false once revoked' }) valid!: boolean;
  @ApiProperty() number!: string;
  @ApiProperty() learnerName!: string;
  @ApiProperty() courseTitle!: string;
  @ApiProperty() issuedAt!: string;
  @ApiProperty() completedOn!: string;
  @ApiProperty() creditHours!: number;
  @ApiProperty({ type: [String] }) creditTypes!: string[];
  @ApiProperty({ type: [CreditView] }) credits!: CreditView[];
  @ApiProperty() provider!: string;
}

export class RevokeCertificateDto {
  @ApiProperty()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  reason!: string;
}
