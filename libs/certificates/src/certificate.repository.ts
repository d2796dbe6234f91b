import { Injectable } from '@nestjs/common';
import { ExecutionContext, memberNameSql } from '@beacon/core/database';
import { afterCursor, type CursorPosition, newestFirst } from '@beacon/core/http';

export interface CertificateRow {
  id: string;
  membership_id: string;
  enrollment_id: string;
  course_id: string;
  number: string;
  verification_code: string;
  learner_name: string;
  course_code: string;
  course_title: string;
  credit_hours: string;
  credit_types: string[];
  completed_on: string;
  provider_name: string;
  provider_address: string;
  accreditation_statements: string[];
  issued_at: Date;
  revoked_at: Date | null;
  revoked_reason: string | null;
  cursor_at: string;
}

const COLUMNS = `id, membership_id, enrollment_id, course_id, number, verification_code, learner_name, course_code,
  course_title, credit_hours, credit_types, to_char(completed_on, 'YYYY-MM-DD') AS completed_on, provider_name,
  provider_address, accreditation_statements, issued_at, revoked_at, revoked_reason, issued_at::text AS cursor_at`;

export interface IssueInput {
  enrollmentId: string;
  courseId: string;
  verificationCode: string;
  completedAt: Date;
  providerName: string;
  providerAddress: string;
}

@Injectable()
export class CertificateRepository {
  private get db() {
    return ExecutionContext.manager();
  }

  /**
   * Issues the certificate of a completed enrollment. The learner's name, the course's title and credits and the
   * completion date in the organization's time zone are copied now and never change afterwards.
   */
  async issue(input: IssueInput): Promise<CertificateRow> {
    const rows: CertificateRow[] = await this.db.query(
      `INSERT INTO certificates (organization_id, membership_id, enrollment_id, course_id, number, verification_code,
                                 learner_name, course_code, course_title, credit_hours, credit_types, completed_on,
                                 provider_name, provider_address, accreditation_statements, issued_at)
       SELECT e.organization_id, e.membership_id, e.id, co.id,
              upper(replace(co.code, '-', '')) || '-' || to_char(($4::timestamptz AT TIME ZONE o.timezone), 'YYYY') || '-'
                || lpad(nextval('certificate_number_seq')::text, 6, '0'),
              $3, ${memberNameSql()}, co.code, co.title, co.credit_hours, co.credit_types,
              ($4::timestamptz AT TIME ZONE o.timezone)::date, $5, $6, co.accreditation_statements, $4
         FROM enrollments e
         JOIN memberships m ON m.id = e.membership_id
         JOIN users u ON u.id = m.user_id
         JOIN courses co ON co.id = $2
         JOIN organizations o ON o.id = e.organization_id
        WHERE e.id = $1
       RETURNING ${COLUMNS}`,
      [
        input.enrollmentId,
        input.courseId,
        input.verificationCode,
        input.completedAt,
        input.providerName,
        input.providerAddress,
      ],
    );
    await this.db.query(
      'INSERT INTO certificate_codes (verification_code, organization_id, certificate_id) VALUES ($1, $2, $3)',
      [input.verificationCode, ExecutionContext.organizationId(), rows[0].id],
    );
    return rows[0];
  }

  async findById(id: string): Promise<CertificateRow | null> {
    const rows: CertificateRow[] = await this.db.query(`SELECT ${COLUMNS} FROM certificates WHERE id = $1`, [
      id,
    ]);
    return rows[0] ?? null;
  }

  async listForMember(
    membershipId: string,
    after: CursorPosition | null,
    limit: number,
  ): Promise<CertificateRow[]> {
    const params: unknown[] = [membershipId];
    const where = ['membership_id = $1'];
    if (after) where.push(afterCursor(after, params, 'issued_at', 'id'));
    return this.db.query(
      `SELECT ${COLUMNS} FROM certificates WHERE ${where.join(' AND ')}
        ${newestFirst(limit, params, 'issued_at', 'id')}`,
      params,
    );
  }

  /** Platform lookup: which organization a verification code belongs to. */
  async organizationOfCode(
    code: string,
  ): Promise<{ organization_id: string; certificate_id: string } | null> {
    const rows: Array<{ organization_id: string; certificate_id: string }> = await this.db.query(
      'SELECT organization_id, certificate_id FROM certificate_codes WHERE verification_code = $1',
      [code],
    );
    return rows[0] ?? null;
  }

  async revoke(id: string, reason: string, now: Date): Promise<void> {
    await this.db.query(
      'UPDATE certificates SET revoked_at = $3, revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL',
      [id, reason, now],
    );
  }
}
