import { Body, Controller, Get, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access, AccessRule, Endpoint, IdParamPipe, OwnTransactions, PageQuery } from '@beacon/core/http';
import { CreateReportDto, ReportPage, ReportView } from '../dto/report.dto';
import { ReportsService } from '../reports/reports.service';

const REPORTERS: AccessRule = { org: ['org_admin', 'educator', 'manager'] };
const VISIBILITY =
  'org_admins and educators see every report of the organization; a manager sees only the reports they ' +
  'requested (404 for any other, as for an unknown id).';

@ApiTags('Compliance')
@Controller('api/v1/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post()
  @Access(REPORTERS)
  @Endpoint({
    summary: 'Request an export; the worker builds the file',
    description:
      "compliance: one row per enrollment (each member's current cycle of each cohort, withdrawn enrollments " +
      'left out, as in cohort stats). overdue: its overdue rows, with days overdue. certificates: one row per ' +
      "certificate with license, credits and verification (revoked ones marked). A manager's report holds only " +
      "their reporting chain (direct and indirect reports). Dates are ISO (YYYY-MM-DD) in the organization's " +
      'time zone. Text cells starting with = + - @, a tab or a carriage return get a leading apostrophe, so ' +
      'a spreadsheet shows them as text. A filter id that is not of this organization → 400 naming the field; ' +
      'a type not available yet → 400 naming `type`.',
    status: 202,
    type: ReportView,
  })
  create(@Body() body: CreateReportDto) {
    return this.reports.create(body);
  }

  @Get()
  @Access(REPORTERS)
  @Endpoint({ summary: 'Reports, newest first', description: VISIBILITY, type: ReportPage })
  list(@Query() query: PageQuery) {
    return this.reports.list(query);
  }

  @Get(':id')
  @Access(REPORTERS)
  @Endpoint({
    summary: "A report's status and progress (rowCount while running)",
    description: VISIBILITY,
    type: ReportView,
    errors: [404],
  })
  get(@Param('id', IdParamPipe) id: string) {
    return this.reports.get(id);
  }

  @Get(':id/download')
  @Access(REPORTERS)
  // Streamed from disk with no database connection held meanwhile.
  @OwnTransactions()
  @Endpoint({
    summary: "The report's file (CSV in UTF-8 with a BOM, or an Excel workbook)",
    description:
      `${VISIBILITY} 409 while queued or running, and for a failed report; 410 once expired ` +
      '(REPORT_RETENTION_DAYS after it was ready): request it again.',
    file: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    errors: [404, 409, 410],
  })
  async download(@Param('id', IdParamPipe) id: string, @Res({ passthrough: true }) res: Response) {
    const download = await this.reports.download(id);
    res.setHeader('Content-Type', download.mediaType);
    res.setHeader('Content-Length', String(download.file.size));
    res.setHeader('Content-Disposition', `attachment; filename="${download.fileName}"`);
    return new StreamableFile(download.file.stream);
  }
}
