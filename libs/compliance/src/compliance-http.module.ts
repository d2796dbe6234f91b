import { Module } from '@nestjs/common';
import { ReportsController } from './http/reports.controller';
import { RequirementsController } from './http/requirements.controller';
import { ReportFilterRepository } from './reports/report-filter.repository';
import { ReportsModule } from './reports/reports.module';
import { ReportsService } from './reports/reports.service';
import { StateRequirementRepository } from './requirements/state-requirement.repository';
import { StateRequirementsSeedService } from './requirements/state-requirements-seed.service';
import { StateRequirementsService } from './requirements/state-requirements.service';

/** The api seeds the state training requirements at start-up (idempotent) and serves them; reports are requested here. */
@Module({
  imports: [ReportsModule],
  providers: [
    StateRequirementRepository,
    StateRequirementsService,
    StateRequirementsSeedService,
    ReportFilterRepository,
    ReportsService,
  ],
  controllers: [RequirementsController, ReportsController],
})
export class ComplianceHttpModule {}
