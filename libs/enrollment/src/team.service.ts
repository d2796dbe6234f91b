import { Injectable } from '@nestjs/common';
import { chainReader, ExecutionContext, TenantTransaction } from '@beacon/core/database';
import { DEFAULT_PAGE_SIZE, Page, toKeysetPage } from '@beacon/core/http';
import type { TeamEnrollmentQuery, TeamEnrollmentView } from './dto/team.dto';
import { decodeTeamCursor, encodeTeamCursor } from './team-cursor';
import { TeamEnrollmentRepository, TeamEnrollmentRow } from './team-enrollment.repository';

/** The team view (`/team`): what a manager's reporting chain owes, overdue first; the whole organization for staff. */
@Injectable()
export class TeamService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly team: TeamEnrollmentRepository,
  ) {}

  enrollments(query: TeamEnrollmentQuery): Promise<Page<TeamEnrollmentView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeTeamCursor(query.cursor);
    return this.tx.run(async () =>
      toKeysetPage(
        await this.team.list(
          { status: query.status, overdue: query.overdue, q: query.q },
          after,
          limit,
          chainReader(ExecutionContext.optionalActor()),
        ),
        limit,
        (row) =>
          encodeTeamCursor({
            group: row.sort_group,
            due: row.cursor_due,
            memberId: row.membership_id,
            enrollmentId: row.id,
          }),
        toView,
      ),
    );
  }
}

function toView(row: TeamEnrollmentRow): TeamEnrollmentView {
  return {
    id: row.id,
    cohortId: row.cohort_id,
    memberId: row.membership_id,
    memberName: row.member_name,
    jobTitle: row.job_title,
    site: row.site_id ? { id: row.site_id, name: row.site_name as string } : null,
    department: row.department_id ? { id: row.department_id, name: row.department_name as string } : null,
    course: { id: row.course_id, code: row.course_code, title: row.course_title },
    status: row.status,
    dueAt: row.due_at?.toISOString() ?? null,
    overdue: row.overdue,
    completedAt: row.completed_at?.toISOString() ?? null,
    progress: { modulesCompleted: row.modules_completed, modulesTotal: row.modules_total },
  };
}
