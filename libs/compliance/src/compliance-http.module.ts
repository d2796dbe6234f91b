import { Module } from '@nestjs/common';
import { ComplianceSummaryController } from './http/compliance-summary.controller';
import { RequirementsController } from './http/requirements.controller';
import { StateRequirementRepository } from './requirements/state-requirement.repository';
import { StateRequirementsSeedService } from './requirements/state-requirements-seed.service';
import { StateRequirementsService } from './requirements/state-requirements.service';
import { ComplianceSummaryRepository } from './summary/compliance-summary.repository';
import { ComplianceSummaryService } from './summary/compliance-summary.service';

/** The api seeds the state training requirements at start-up (idempotent) and serves them. */
@Module({
  providers: [
    StateRequirementRepository,
    StateRequirementsService,
    StateRequirementsSeedService,
    ComplianceSummaryRepository,
    ComplianceSummaryService,
  ],
  controllers: [RequirementsController, ComplianceSummaryController],
})
export class ComplianceHttpModule {}
