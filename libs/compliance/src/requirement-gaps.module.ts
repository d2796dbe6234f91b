import { Module } from '@nestjs/common';
import { RequirementGapsReportSource } from './requirements/requirement-gaps.report-source';
import { StateApprovals } from './requirements/state-approvals.provider';

/**
 * What the api and the worker both need of the state requirement gaps: the provider's approvals (checked at boot)
 * and the `requirement_gaps` report source the worker's export runs.
 */
@Module({
  providers: [StateApprovals, RequirementGapsReportSource],
  exports: [StateApprovals, RequirementGapsReportSource],
})
export class RequirementGapsModule {}
