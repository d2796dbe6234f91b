import { Injectable } from '@nestjs/common';
import type { CreditType } from '@beacon/core/config';
import { affected, ExecutionContext, memberNameSql, one, rows } from '@beacon/core/database';
import { afterCursor, type CursorPosition, newestFirst } from '@beacon/core/http';
import type { MailLocale } from '@beacon/core/mail';

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
  /** The codes of the awarded credit types (those of `credits`). */
  credit_types: string[];
  /** What the certificate claims, as printed at issue. */
  credits: CreditType[];
  time_spent_minutes: number | null;
  completed_on: string;
  provider_name: string;
  provider_address: string;
  accreditation_statements: string[];
  issued_at: Date;
  revoked_at: Date | null;
  revoked_reason: string | null;
  live_session_id: string | null;
  cursor_at: string;
}

const COLUMNS = `id, membership_id, enrollment_id, course_id, number, verification_code, learner_name, course_code,
  course_title, credit_hours, credit_types, credits, time_spent_minutes, to_char(completed_on, 'YYYY-MM-DD') AS completed_on, provider_name,
  provider_address, accreditation_statements, issued_at, revoked_at, revoked_reason, live_session_id, issued_at::text AS cursor_at`;

export interface IssueInput {
  enrollmentId: string;
  courseId: string;
  verificationCode: string;
  completedAt: Date;
  providerName: string;
  providerAddress: string;
  /** The credit types the provider is accredited for and the course offers, with the provider's labels. */
  credits: CreditType[];
  accreditationStatements: readonly string[];
  timeSpentMinutes: number;
  issuedAt: Date;
  liveSessionId: string | null;
}

@Injectable()
export class CertificateRepository {
  /**
   * Issues the certificate of a completed enrollment. The learner's name, the course's title and credits and the
   * completion date in the organization's time zone are copied now and never change afterwards.
   */
  async issue(input: IssueInput): Promise<CertificateRow> {
    const row = (await one<CertificateRow>(
      `INSERT INTO certificates (organization_id, membership_id, enrollment_id, course_id, number, verification_code,
                                 learner_name, course_code, course_title, credit_hours, credit_types, credits,
                                 time_spent_minutes, completed_on, provider_name, provider_address,
                                 accreditation_statements, issued_at, live_session_id)
       SELECT e.organization_id, e.membership_id, e.id, co.id,
              upper(replace(co.code, '-', '')) || '-' || to_char(($4::timestamptz AT TIME ZONE o.timezone), 'YYYY') || '-'
                || lpad(nextval('certificate_number_seq')::text, 6, '0'),
              $3, ${memberNameSql()}, co.code, co.title, co.credit_hours,
              ARRAY(SELECT c ->> 'code' FROM jsonb_array_elements($7::jsonb) AS c), $7::jsonb, $9,
              ($4::timestamptz AT TIME ZONE o.timezone)::date, $5, $6, $8::text[], $10, $11
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
        JSON.stringify(input.credits),
        [...input.accreditationStatements],
        input.timeSpentMinutes,
        input.issuedAt,
        input.liveSessionId,
      ],
    )) as CertificateRow;
    await affected(
      'INSERT INTO certificate_codes (verification_code, organization_id, certificate_id) VALUES ($1, $2, $3)',
      [input.verificationCode, ExecutionContext.organizationId(), row.id],
    );
    return row;
  }

  /** The language of the member's mail: their own choice, else what the organization entered, else English. */
  async mailLocale(membershipId: string): Promise<MailLocale> {
    const row = await one<{ locale: MailLocale }>(
      `SELECT coalesce(u.locale, m.locale, 'en') AS locale
         FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.id = $1`,
      [membershipId],
    );
    return row?.locale ?? 'en';
  }

  /** The certificate of an enrollment, if one was issued. */
  async idForEnrollment(enrollmentId: string): Promise<string | null> {
    const row = await one<{ id: string }>('SELECT id FROM certificates WHERE enrollment_id = $1', [
      enrollmentId,
    ]);
    return row?.id ?? null;
  }

  /**
   * A person's memberships in every organization, whatever their status (read through the own-memberships policy,
   * in the person's scope): where to look for the certificates of someone who has left.
   */
  membershipsOf(userId: string): Promise<Array<{ id: string; organization_id: string }>> {
    return rows('SELECT id, organization_id FROM memberships WHERE user_id = $1 ORDER BY created_at, id', [
      userId,
    ]);
  }

  async findById(id: string): Promise<CertificateRow | null> {
    return one<CertificateRow>(`SELECT ${COLUMNS} FROM certificates WHERE id = $1`, [id]);
  }

  async listForMember(
    membershipId: string,
    after: CursorPosition | null,
    limit: number,
  ): Promise<CertificateRow[]> {
    const params: unknown[] = [membershipId];
    const where = ['membership_id = $1'];
    if (after) where.push(afterCursor(after, params, 'issued_at', 'id'));
    return rows<CertificateRow>(
      `SELECT ${COLUMNS} FROM certificates WHERE ${where.join(' AND ')}
        ${newestFirst(limit, params, 'issued_at', 'id')}`,
      params,
    );
  }

  /** Platform lookup: which organization a verification code belongs to. */
  async organizationOfCode(
    code: string,
  ): Promise<{ organization_id: string; certificate_id: string } | null> {
    return one<{ organization_id: string; certificate_id: string }>(
      'SELECT organization_id, certificate_id FROM certificate_codes WHERE verification_code = $1',
      [code],
    );
  }

  async revoke(id: string, reason: string, now: Date): Promise<void> {
    await affected(
      'UPDATE certificates SET revoked_at = $3, revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL',
      [id, reason, now],
    );
  }
}
