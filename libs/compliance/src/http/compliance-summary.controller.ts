import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, Endpoint } from '@beacon/core/http';
import {
  CompliancePeriodPage,
  ComplianceSummaryQuery,
  ComplianceSummaryView,
  ComplianceTrendQuery,
} from '../dto/compliance-summary.dto';
import { ComplianceSummaryService } from '../summary/compliance-summary.service';

@ApiTags('Compliance')
@Controller('api/v1/compliance')
export class ComplianceSummaryController {
  constructor(private readonly summaries: ComplianceSummaryService) {}

  @Get('summary')
  @Access({ org: ['org_admin', 'educator', 'manager'] })
  @Endpoint({
    summary: 'Compliance counts, in total and grouped by site, department, cohort or course',
    description:
      "Counts each member's current-cycle enrollment of each cohort, as cohort stats do: withdrawn enrollments " +
      'are not counted, exempt ones are out of the completion rate, a recertification cycle neither started nor ' +
      'due yet counts by the completed cycle before it, and `overdue` is judged at the time of the request. ' +
      "Site and department are the member's current ones; members without one form the group with `id: null`, " +
      'so the groups add up to the totals. A manager sees only their reporting chain (direct and indirect ' +
      'reports); org_admin and educators see the organization. An id of another organization (or none) in a ' +
      "filter is a 400 naming it. `from`/`to` filter on the due date of each member's newest cycle (see them).",
    type: ComplianceSummaryView,
  })
  summary(@Query() query: ComplianceSummaryQuery) {
    return this.summaries.summary(query);
  }

  @Get('trend')
  @Access({ org: ['org_admin', 'educator', 'manager'] })
  @Endpoint({
    summary: 'Weekly completions and completion rate',
    description:
      'One item per week from the week of `from` to the week of `to`, weeks starting on Monday in the ' +
      "organization's time zone, oldest first (`nextCursor` is always null). `completed`: enrollments completed " +
      'during the week. `completionRate`: of the enrollments due before the end of the week (any cycle; ' +
      'withdrawn and exempt ones left out), the share completed before the end of the week ' +
      '(`completedByPeriodEnd / dueByPeriodEnd`; null when nothing was due). Only `interval=week`; `to` at most ' +
      '731 days after `from`. A manager sees only their reporting chain. Site and department filters use the ' +
      "member's current place.",
    type: CompliancePeriodPage,
  })
  trend(@Query() query: ComplianceTrendQuery) {
    return this.summaries.trend(query);
  }
}
