import { Module } from '@nestjs/common';
import { RequirementGapsModule } from '../requirement-gaps.module';
import { RequirementGapsReportSource } from '../requirements/requirement-gaps.report-source';
import { ReportScheduleMailTemplates } from '../schedules/mail/report-schedule-mail.templates';
import { ReportFiles } from './files/report-files';
import { ReportQueue } from './report-queue';
import { ReportRepository } from './report.repository';
import { REPORT_SOURCE_LIST, ReportSources } from './report-sources';
import { certificatesReportSource } from './sources/certificates.report-source';
import { complianceReportSource } from './sources/compliance.report-source';
import { overdueReportSource } from './sources/overdue.report-source';

/** What the api (requests, downloads) and the worker (building, retention, schedules) share about reports. */
@Module({
  imports: [RequirementGapsModule],
  providers: [
    {
      provide: REPORT_SOURCE_LIST,
      useFactory: (requirementGaps: RequirementGapsReportSource) => [
        complianceReportSource,
        overdueReportSource,
        certificatesReportSource,
        requirementGaps,
      ],
      inject: [RequirementGapsReportSource],
    },
    ReportSources,
    ReportRepository,
    ReportFiles,
    ReportQueue,
    // Registered wherever reports are loaded: the api must know every kind it could write, the worker renders it.
    ReportScheduleMailTemplates,
  ],
  exports: [ReportSources, ReportRepository, ReportFiles, ReportQueue],
})
export class ReportsModule {}
