import { reportingChainSql } from '@beacon/core/database';
import type { ReportSource } from '../report-source';
import { localDateText } from './enrollment-report.sql';

/**
 * One row per certificate issued in the organization, revoked ones included (and marked), in issue order: what CE
 * reporting to a licensing board needs. The learner's name, course and credits are as the certificate printed them;
 * the license (type, state, number) is the member's as recorded now. Site, department and manager chain are the
 * member's now; `cohortId` is the cohort of the certified enrollment; `courseId` matches every version of its code.
 */
export const certificatesReportSource: ReportSource = {
  type: 'certificates',
  columns: [
    { key: 'learner_name', header: 'Learner' },
    { key: 'employee_id', header: 'Employee ID' },
    { key: 'license_type', header: 'License type' },
    { key: 'license_state', header: 'License state' },
    { key: 'license_number', header: 'License number' },
    { key: 'course', header: 'Course' },
    { key: 'course_code', header: 'Course code' },
    { key: 'credit_types', header: 'Credit types' },
    { key: 'credit_hours', header: 'Credit hours' },
    { key: 'completed_date', header: 'Completion date' },
    { key: 'issued_date', header: 'Issue date' },
    { key: 'certificate_number', header: 'Certificate number' },
    { key: 'verification_code', header: 'Verification code' },
    { key: 'verification_url', header: 'Verification URL' },
    { key: 'revoked', header: 'Revoked' },
  ],
  query(filters, scope) {
    const params: unknown[] = [scope.publicUrl];
    const where: string[] = [];
    if (scope.chainOf !== null)
      where.push(`ce.membership_id IN ${reportingChainSql(`$${params.push(scope.chainOf)}`)}`);
    if (filters.siteId) where.push(`m.site_id = $${params.push(filters.siteId)}::uuid`);
    if (filters.departmentId) where.push(`m.department_id = $${params.push(filters.departmentId)}::uuid`);
    if (filters.cohortId)
      where.push(
        `EXISTS (SELECT 1 FROM enrollments e WHERE e.id = ce.enrollment_id AND e.cohort_id = $${params.push(filters.cohortId)}::uuid)`,
      );
    if (filters.courseId)
      where.push(
        `ce.course_code = (SELECT code FROM courses WHERE id = $${params.push(filters.courseId)}::uuid)`,
      );
    return {
      sql: `SELECT ce.learner_name, m.employee_id, m.license_type, m.license_state, m.license_number,
                   ce.course_title AS course, ce.course_code,
                   (SELECT string_agg(credit ->> 'label', '; ' ORDER BY position)
                      FROM jsonb_array_elements(ce.credits) WITH ORDINALITY AS t(credit, position)) AS credit_types,
                   ce.credit_hours::float8 AS credit_hours,
                   to_char(ce.completed_on, 'YYYY-MM-DD') AS completed_date,
                   ${localDateText('ce.issued_at')} AS issued_date,
                   ce.number AS certificate_number, ce.verification_code,
                   $1::text || '/verify/' || ce.verification_code AS verification_url,
                   CASE WHEN ce.revoked_at IS NULL THEN 'no' ELSE 'yes' END AS revoked
              FROM certificates ce
              JOIN memberships m ON m.id = ce.membership_id
              JOIN organizations o ON o.id = ce.organization_id
             ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
             ORDER BY ce.issued_at, ce.number`,
      params,
    };
  },
};
