import { Module } from '@nestjs/common';
import { CertificatesModule } from './certificates.module';
import { CertificatesController } from './http/certificates.controller';

@Module({ imports: [CertificatesModule], controllers: [CertificatesController] })
export class CertificatesHttpModule {}
