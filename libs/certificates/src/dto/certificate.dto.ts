import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Trim } from '@beacon/core/http';

export class CertificateView {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'HT101-2026-000042' }) number!: string;
  @ApiProperty() learnerName!: string;
  @ApiProperty() courseCode!: string;
  @ApiProperty() courseTitle!: string;
  @ApiProperty() creditHours!: number;
  @ApiProperty({ type: [String] }) creditTypes!: string[];
  @ApiProperty({ description: "Completion date in the organization's time zone" }) completedOn!: string;
  @ApiProperty() issuedAt!: string;
  @ApiProperty() verificationCode!: string;
  @ApiProperty() verifyUrl!: string;
  @ApiProperty() providerName!: string;
  @ApiProperty() providerAddress!: string;
  @ApiProperty({ type: [String] }) accreditationStatements!: string[];
  @ApiProperty() revoked!: boolean;
  @ApiProperty({ nullable: true, type: String }) revokedAt!: string | null;
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
