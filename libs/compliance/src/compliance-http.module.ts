import { Module } from '@nestjs/common';
import { RequirementsController } from './http/requirements.controller';
import { StateRequirementRepository } from './requirements/state-requirement.repository';
import { StateRequirementsSeedService } from './requirements/state-requirements-seed.service';
import { StateRequirementsService } from './requirements/state-requirements.service';

/** The api seeds the state training requirements at start-up (idempotent) and serves them. */
@Module({
  providers: [StateRequirementRepository, StateRequirementsService, StateRequirementsSeedService],
  controllers: [RequirementsController],
})
export class ComplianceHttpModule {}
