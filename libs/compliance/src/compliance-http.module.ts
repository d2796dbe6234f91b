import { Module } from '@nestjs/common';
import { ComplianceSummaryController } from './http/compliance-summary.controller';
import { ReportsController } from './http/reports.controller';
import { RequirementGapsController } from './http/requirement-gaps.controller';
import { RequirementsController } from './http/requirements.controller';
import { ReportFilterRepository } from './reports/report-filter.repository';
import { ReportsModule } from './reports/reports.module';
import { ReportsService } from './reports/reports.service';
import { RequirementGapsModule } from './requirement-gaps.module';
import { RequirementGapRepository } from './requirements/requirement-gap.repository';
import { RequirementGapsService } from './requirements/requirement-gaps.service';
import { StateRequirementRepository } from './requirements/state-requirement.repository';
import { StateRequirementsSeedService } from './requirements/state-requirements-seed.service';
import { StateRequirementsService } from './requirements/state-requirements.service';
import { ComplianceSummaryRepository } from './summary/compliance-summary.repository';
import { ComplianceSummaryService } from './summary/compliance-summary.service';

/** The api seeds the state training requirements at start-up (idempotent) and serves them, the summary, the gaps; reports are requested here. */
@Module({
  imports: [ReportsModule, RequirementGapsModule],
  providers: [
    StateRequirementRepository,
    StateRequirementsService,
    StateRequirementsSeedService,
    ComplianceSummaryRepository,
    ComplianceSummaryService,
    ReportFilterRepository,
    ReportsService,
    RequirementGapRepository,
    RequirementGapsService,
  ],
  controllers: [
    RequirementsController,
    ComplianceSummaryController,
    ReportsController,
    RequirementGapsController,
  ],
})
export class ComplianceHttpModule {}
