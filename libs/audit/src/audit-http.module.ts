import { Module } from '@nestjs/common';
import { AuditModule } from './audit.module';
import { AuditController } from './http/audit.controller';

@Module({ imports: [AuditModule], controllers: [AuditController] })
export class AuditHttpModule {}
