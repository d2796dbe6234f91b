import { Module } from '@nestjs/common';
import { NotificationsModule } from '@beacon/notifications';
import { BuildReportJob } from './reports/jobs/build-report.job';
import { ReportSweepJob } from './reports/jobs/report-sweep.job';
import { ReportsProcessor } from './reports/jobs/reports.processor';
import { ReportExportProcess } from './reports/export/report-export.process';
import { ReportsModule } from './reports/reports.module';
import { ReportScheduleMailer } from './schedules/report-schedule-mailer';
import { ReportScheduleRunRepository } from './schedules/report-schedule-run.repository';
import { ReportScheduleSweepJob } from './schedules/report-schedule-sweep.job';

/** The worker's side of compliance: building report files, their retention, and scheduled reports and their mail. */
@Module({
  imports: [ReportsModule, NotificationsModule],
  providers: [
    ReportExportProcess,
    BuildReportJob,
    ReportSweepJob,
    ReportScheduleRunRepository,
    ReportScheduleMailer,
    ReportScheduleSweepJob,
    ReportsProcessor,
  ],
  exports: [BuildReportJob, ReportSweepJob, ReportScheduleSweepJob],
})
export class ComplianceJobsModule {}
