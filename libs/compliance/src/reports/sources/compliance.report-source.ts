import type { ReportSource } from '../report-source';
import {
  enrollmentReportSql,
  localDateText,
  MEMBER_COLUMNS,
  MEMBER_COLUMNS_SQL,
  OVERDUE_SQL,
} from './enrollment-report.sql';

/**
 * One row per enrollment (each member's current cycle of each cohort), by site, department and member. A completed
 * enrollment shows the number of the certificate (not revoked) that proves it: same member, course and completion
 * date.
 */
export const complianceReportSource: ReportSource = {
  type: 'compliance',
  columns: [
    ...MEMBER_COLUMNS,
    { key: 'completed_date', header: 'Completed date' },
    { key: 'overdue', header: 'Overdue' },
    { key: 'certificate_number', header: 'Certificate number' },
  ],
  query(filters, scope) {
    const params: unknown[] = [];
    const sql = enrollmentReportSql(
      {
        columns: `${MEMBER_COLUMNS_SQL}, ${localDateText('cc.completed_at')} AS completed_date,
                  CASE WHEN ${OVERDUE_SQL} THEN 'yes' ELSE 'no' END AS overdue, cert.number AS certificate_number`,
        // The certificate that proves a completion: the member's newest one (not revoked) of the course's code and
        // completion date. Passing completes every open enrollment of the course at once, so one certificate
        // proves them all. A hash join over the organization's certificates: a lookup per row costs far more.
        joins: `LEFT JOIN (SELECT DISTINCT ON (membership_id, course_code, completed_on)
                                  membership_id, course_code, completed_on, number
                             FROM certificates WHERE revoked_at IS NULL
                            ORDER BY membership_id, course_code, completed_on, issued_at DESC) cert
                      ON cert.membership_id = cc.membership_id AND cert.course_code = co.code
                     AND cert.completed_on = (cc.completed_at AT TIME ZONE o.timezone)::date`,
        memberOrder: true,
      },
      filters,
      scope,
      params,
    );
    return {
      // By site, department, member name and cohort name (see `memberOrder`).
      sql: `${sql} ORDER BY mo.position, cp.position, cc.id`,
      params,
    };
  },
};
