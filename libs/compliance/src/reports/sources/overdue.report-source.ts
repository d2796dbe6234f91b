import type { ReportSource } from '../report-source';
import {
  enrollmentReportSql,
  MEMBER_COLUMNS,
  MEMBER_COLUMNS_SQL,
  OVERDUE_SQL,
} from './enrollment-report.sql';

/**
 * The overdue subset of the compliance report, the longest overdue first. Days overdue count calendar days in the
 * organization's time zone from the due date to the run's date.
 */
export const overdueReportSource: ReportSource = {
  type: 'overdue',
  columns: [...MEMBER_COLUMNS, { key: 'days_overdue', header: 'Days overdue' }],
  query(filters, scope) {
    const params: unknown[] = [];
    const sql = enrollmentReportSql(
      {
        columns: `${MEMBER_COLUMNS_SQL},
                  (($1::timestamptz AT TIME ZONE o.timezone)::date
                    - (cc.due_at AT TIME ZONE o.timezone)::date) AS days_overdue`,
        where: [OVERDUE_SQL],
      },
      filters,
      scope,
      params,
    );
    return { sql: `${sql} ORDER BY cc.due_at, member_name, m.id, cc.id`, params };
  },
};
