import { Module } from '@nestjs/common';
import { RequirementGapsController } from './http/requirement-gaps.controller';
import { RequirementsController } from './http/requirements.controller';
import { RequirementGapsModule } from './requirement-gaps.module';
import { RequirementGapRepository } from './requirements/requirement-gap.repository';
import { RequirementGapsService } from './requirements/requirement-gaps.service';
import { StateRequirementRepository } from './requirements/state-requirement.repository';
import { StateRequirementsSeedService } from './requirements/state-requirements-seed.service';
import { StateRequirementsService } from './requirements/state-requirements.service';

/** The api seeds the state training requirements at start-up (idempotent) and serves them and the gaps. */
@Module({
  imports: [RequirementGapsModule],
  providers: [
    StateRequirementRepository,
    StateRequirementsService,
    StateRequirementsSeedService,
    RequirementGapRepository,
    RequirementGapsService,
  ],
  controllers: [RequirementsController, RequirementGapsController],
})
export class ComplianceHttpModule {}
