import { Module } from '@nestjs/common';
import { AuditModule } from '@beacon/audit';
import { NotificationsModule } from '@beacon/notifications';
import { CertificateRepository } from './certificate.repository';
import { CertificatesService } from './certificates.service';
import { CertificatesMailTemplates } from './mail/certificates-mail.templates';

@Module({
  imports: [AuditModule, NotificationsModule],
  providers: [CertificateRepository, CertificatesService, CertificatesMailTemplates],
  exports: [CertificatesService],
})
export class CertificatesModule {}
