export * from './compliance-http.module';
export * from './compliance-jobs.module';
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
export { BuildReportJob } from './reports/jobs/build-report.job';
export { ReportSweepJob } from './reports/jobs/report-sweep.job';
export { ReportScheduleSweepJob } from './schedules/report-schedule-sweep.job';
export type { ReportScheduleMail } from './schedules/mail/report-schedule-mail.types';
export { groupCountsStatement } from './summary/compliance-summary.repository';
