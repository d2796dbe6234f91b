import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, Endpoint } from '@beacon/core/http';
import { AuditService } from '../audit.service';
import { AuditEventPage, AuditQuery } from './audit.dto';

@ApiTags('Audit')
@Controller('api/v1/audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Access({ org: ['org_admin'] })
  @Endpoint({ summary: 'The organization audit trail, newest first', type: AuditEventPage })
  list(@Query() query: AuditQuery) {
    return this.audit.list(query);
  }
}
