export * from './compliance-http.module';
export { RequirementGapsModule } from './requirement-gaps.module';
export { STATE_REQUIREMENTS } from './requirements/seed/state-requirements.seed';
export { StateRequirementsSeedService } from './requirements/state-requirements-seed.service';
export type { StateRequirementSeed } from './requirements/state-requirement.types';
export { RequirementGapsReportSource } from './requirements/requirement-gaps.report-source';
export {
  LICENSE_CATEGORIES,
  LICENSE_CATEGORY_ALIASES,
  licenseCategory,
  licenseCategoryFunctionSql,
} from './requirements/license-categories';
