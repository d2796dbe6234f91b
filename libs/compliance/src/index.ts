export * from './compliance-http.module';
export { STATE_REQUIREMENTS } from './requirements/seed/state-requirements.seed';
export { StateRequirementsSeedService } from './requirements/state-requirements-seed.service';
export type { StateRequirementSeed } from './requirements/state-requirement.types';
