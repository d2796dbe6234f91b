import { Module } from '@nestjs/common';
import { ComplianceSummaryController } from './http/compliance-summary.controller';
import { ReportSchedulesController } from './http/report-schedules.controller';
import { ReportsController } from './http/reports.controller';
import { RequirementGapsController } from './http/requirement-gaps.controller';
import { RequirementsController } from './http/requirements.controller';
import { ReportFilterRepository } from './reports/report-filter.repository';
import { ReportRequestCheck } from './reports/report-request-check';
import { ReportsModule } from './reports/reports.module';
import { ReportsService } from './reports/reports.service';
import { RequirementGapsModule } from './requirement-gaps.module';
import { ReportScheduleRepository } from './schedules/report-schedule.repository';
import { ReportSchedulesService } from './schedules/report-schedules.service';
import { RequirementGapRepository } from './requirements/requirement-gap.repository';
import { RequirementGapsService } from './requirements/requirement-gaps.service';
import { StateRequirementRepository } from './requirements/state-requirement.repository';
import { StateRequirementsSeedService } from './requirements/state-requirements-seed.service';
import { StateRequirementsService } from './requirements/state-requirements.service';
import { ComplianceSummaryRepository } from './summary/compliance-summary.repository';
import { ComplianceSummaryService } from './summary/compliance-summary.service';

/** The api seeds the state training requirements at start-up (idempotent) and serves them, the summary, the gaps; reports are requested and scheduled here. */
@Module({
  imports: [ReportsModule, RequirementGapsModule],
  providers: [
    StateRequirementRepository,
    StateRequirementsService,
    StateRequirementsSeedService,
    ComplianceSummaryRepository,
    ComplianceSummaryService,
    ReportFilterRepository,
    ReportRequestCheck,
    ReportsService,
    ReportScheduleRepository,
    ReportSchedulesService,
    RequirementGapRepository,
    RequirementGapsService,
  ],
  controllers: [
    RequirementsController,
    ComplianceSummaryController,
    ReportsController,
    ReportSchedulesController,
    RequirementGapsController,
  ],
})
export class ComplianceHttpModule {}
