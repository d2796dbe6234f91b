import { Body, Controller, Get, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  Access,
  AllowWithoutMembership,
  Endpoint,
  IdParamPipe,
  OwnTransactions,
  PageQuery,
  Public,
  SignedIn,
} from '@beacon/core/http';
import { CertificatesService } from '../certificates.service';
import {
  CertificatePage,
  CertificateView,
  PublicCertificateView,
  RevokeCertificateDto,
} from '../dto/certificate.dto';

@ApiTags('Certificates')
@Controller('api/v1')
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get('me/certificates')
  @SignedIn()
  @AllowWithoutMembership()
  @Endpoint({ summary: 'My CE certificates in this organization', type: CertificatePage })
  mine(@Query() query: PageQuery) {
    return this.certificates.mine(query);
  }

  @Get('certificates/:id')
  @SignedIn()
  @AllowWithoutMembership()
  @Endpoint({
    summary: "A certificate (its learner, or the organization's org_admins and educators)",
    type: CertificateView,
    errors: [404],
  })
  get(@Param('id', IdParamPipe) id: string) {
    return this.certificates.get(id);
  }

  @Get('certificates/:id/pdf')
  @SignedIn()
  @AllowWithoutMembership()
  // The page is drawn (~100 ms) after the row is read, with no database connection held meanwhile.
  @OwnTransactions()
  @Endpoint({
    summary: 'The certificate as a PDF',
    description:
      'Names and titles print in Noto Sans (Latin incl. Vietnamese and Polish, Greek, Cyrillic), a line with ' +
      'characters Noto Sans lacks in Noto Sans SC (Chinese, Japanese kana, Korean). Right-to-left scripts ' +
      '(Arabic, Hebrew) are out of scope for now and are not shaped.',
    file: 'application/pdf',
    errors: [404],
  })
  async pdf(@Param('id', IdParamPipe) id: string, @Res({ passthrough: true }) res: Response) {
    const file = await this.certificates.pdf(id);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `inline; filename="certificate-${file.number}.pdf"`);
    return new StreamableFile(file.content);
  }

  @Post('certificates/:id/revoke')
  @Access({ org: ['org_admin'] })
  @Endpoint({
    summary: 'Revoke a certificate; verification then shows valid: false',
    type: CertificateView,
    errors: [404],
  })
  revoke(@Param('id', IdParamPipe) id: string, @Body() body: RevokeCertificateDto) {
    return this.certificates.revoke(id, body.reason);
  }

  @Get('public/certificates/:verificationCode')
  @Public()
  @Endpoint({
    summary: 'Verify a certificate by its code (no sign-in)',
    type: PublicCertificateView,
    errors: [404],
  })
  verify(@Param('verificationCode') code: string) {
    return this.certificates.verify(code);
  }
}
