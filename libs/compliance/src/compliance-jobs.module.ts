import { Module } from '@nestjs/common';
import { BuildReportJob } from './reports/jobs/build-report.job';
import { ReportSweepJob } from './reports/jobs/report-sweep.job';
import { ReportsProcessor } from './reports/jobs/reports.processor';
import { ReportRowsRepository } from './reports/report-rows.repository';
import { ReportsModule } from './reports/reports.module';

/** The worker's side of compliance: building report files, and their retention. */
@Module({
  imports: [ReportsModule],
  providers: [ReportRowsRepository, BuildReportJob, ReportSweepJob, ReportsProcessor],
  exports: [BuildReportJob, ReportSweepJob],
})
export class ComplianceJobsModule {}
