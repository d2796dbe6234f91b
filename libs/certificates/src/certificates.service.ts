import { Inject, Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { Actor, ExecutionContext, TenantTransaction } from '@beacon/core/database';
import {
  type CursorPosition,
  DEFAULT_PAGE_SIZE,
  decodeCursor,
  Page,
  PageQuery,
  Problems,
  toPage,
} from '@beacon/core/http';
import { Clock } from '@beacon/core/time';
import { AuditService } from '@beacon/audit';
import { OutboxService } from '@beacon/notifications';
import { awardedCredits } from './certificate-credits';
import { renderCertificatePdf } from './certificate-pdf';
import { CertificateRepository, CertificateRow } from './certificate.repository';
import { CertificateView, PublicCertificateView } from './dto/certificate.dto';

/** Per organization, for someone who left: far more than one person earns. */
const MAX_OWN_CERTIFICATES = 200;

/** Crockford-style alphabet: no I, L, O or U, so a code read aloud or typed is not misread. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 16 characters of 32 symbols: 80 random bits, unguessable. */
export function newVerificationCode(): string {
  let code = '';
  for (let i = 0; i < 16; i += 1) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

@Injectable()
export class CertificatesService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly certificates: CertificateRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Issues the certificate in the caller's transaction, with its mail written to the outbox. What it claims is
   * fixed now: the course's credit types the provider is configured to award and the provider's statements.
   */
  async issue(input: {
    enrollmentId: string;
    courseId: string;
    courseCreditTypes: readonly string[];
    /** The pass: the certificate's completion date, whenever the certificate itself is issued. */
    completedAt: Date;
    timeSpentMinutes: number;
    recipientEmail: string;
    recipientUserId: string;
    /** The live session the credit was earned in; null for an online pass. */
    liveSessionId?: string | null;
  }) {
    const row = await this.certificates.issue({
      enrollmentId: input.enrollmentId,
      courseId: input.courseId,
      verificationCode: newVerificationCode(),
      completedAt: input.completedAt,
      issuedAt: this.clock.now(),
      providerName: this.config.providerName,
      providerAddress: this.config.providerAddress,
      credits: awardedCredits(input.courseCreditTypes, this.config.creditTypes),
      accreditationStatements: this.config.accreditationStatements,
      timeSpentMinutes: input.timeSpentMinutes,
      liveSessionId: input.liveSessionId ?? null,
    });
    await this.outbox.enqueue({
      kind: 'certificate_issued',
      recipientEmail: input.recipientEmail,
      recipientUserId: input.recipientUserId,
      dedupeKey: `certificate_issued:${row.id}`,
      payload: {
        recipientName: row.learner_name,
        courseTitle: row.course_title,
        number: row.number,
        creditHours: Number(row.credit_hours),
        credits: row.credits.map((credit) => credit.label),
        verifyUrl: this.verifyUrl(row.verification_code),
        locale: await this.certificates.mailLocale(row.membership_id),
      },
    });
    await this.audit.record({
      action: 'certificate.issued',
      entityType: 'certificate',
      entityId: row.id,
      changes: {
        number: { from: null, to: row.number },
        enrollmentId: { from: null, to: input.enrollmentId },
      },
    });
    return row;
  }

  mine(query: PageQuery): Promise<Page<CertificateView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor);
    const actor = ExecutionContext.actor();
    if (!actor.organizationId) return this.mineEverywhere(actor.userId, after, limit);
    const membershipId = actor.membershipId as string;
    return this.tx.run(async () =>
      toPage(
        await this.certificates.listForMember(membershipId, after, limit),
        limit,
        (row) => ({ at: row.cursor_at, id: row.id }),
        (row) => this.view(row),
      ),
    );
  }

  get(id: string): Promise<CertificateView> {
    return this.readableAnywhere(id).then((row) => this.view(row));
  }

  /** Read in the transaction, rendered after it: the connection is not held while the page is drawn. */
  async pdf(id: string): Promise<{ number: string; content: Buffer }> {
    const row = await this.readableAnywhere(id);
    return {
      number: row.number,
      content: await renderCertificatePdf(row, this.verifyUrl(row.verification_code)),
    };
  }

  /** The certificate of an enrollment, if one was issued (in the caller's transaction). */
  issuedFor(enrollmentId: string): Promise<string | null> {
    return this.certificates.idForEnrollment(enrollmentId);
  }

  /** The public check: the code names its organization (a platform lookup), which is then entered explicitly. */
  async verify(code: string): Promise<PublicCertificateView> {
    const normalized = code.trim().toUpperCase();
    if (!/^[0-9A-Z]{16}$/.test(normalized)) throw Problems.notFound('certificate');
    const owner = await this.tx.platform(() => this.certificates.organizationOfCode(normalized));
    if (!owner) throw Problems.notFound('certificate');
    const row = await this.tx.withOrganization(owner.organization_id, () =>
      this.certificates.findById(owner.certificate_id),
    );
    if (!row) throw Problems.notFound('certificate');
    return {
      valid: row.revoked_at === null,
      number: row.number,
      learnerName: row.learner_name,
      courseTitle: row.course_title,
      issuedAt: row.issued_at.toISOString(),
      completedOn: row.completed_on,
      creditHours: Number(row.credit_hours),
      creditTypes: row.credit_types,
      credits: row.credits,
      provider: row.provider_name,
    };
  }

  revoke(id: string, reason: string): Promise<CertificateView> {
    return this.tx.run(async () => {
      const row = await this.certificates.findById(id);
      if (!row) throw Problems.notFound('certificate');
      if (row.revoked_at) return this.view(row);
      await this.certificates.revoke(id, reason, this.clock.now());
      await this.audit.record({
        action: 'certificate.revoked',
        entityType: 'certificate',
        entityId: id,
        changes: { revoked: { from: false, to: true }, reason: { from: null, to: reason } },
      });
      return this.view((await this.certificates.findById(id)) as CertificateRow);
    });
  }

  /**
   * A session bound to an organization reads there; one bound to none (platform staff, or someone who has left every
   * organization) reads only the person's own certificates, in each organization they ever belonged to.
   */
  private readableAnywhere(id: string): Promise<CertificateRow> {
    const actor = ExecutionContext.actor();
    if (actor.organizationId) return this.tx.run(() => this.readable(id));
    return this.ownEverywhere(actor.userId, async (membership) => {
      const row = await this.certificates.findById(id);
      return row && row.membership_id === membership.id ? [row] : [];
    }).then((found) => {
      if (!found[0]) throw Problems.notFound('certificate');
      return found[0];
    });
  }

  /** Newest first across organizations, paged like any list (a person holds a handful of certificates). */
  private async mineEverywhere(
    userId: string,
    after: CursorPosition | null,
    limit: number,
  ): Promise<Page<CertificateView>> {
    const all = await this.ownEverywhere(userId, (membership) =>
      this.certificates.listForMember(membership.id, null, MAX_OWN_CERTIFICATES),
    );
    const sorted = all
      .sort((a, b) => b.issued_at.getTime() - a.issued_at.getTime() || (a.id < b.id ? 1 : -1))
      .filter(
        (row) =>
          !after ||
          row.issued_at.getTime() < Date.parse(after.at) ||
          (row.issued_at.getTime() === Date.parse(after.at) && row.id < after.id),
      );
    return toPage(
      sorted.slice(0, limit + 1),
      limit,
      (row) => ({ at: row.issued_at.toISOString(), id: row.id }),
      (row) => this.view(row),
    );
  }

  /** Runs `read` in each organization the person has a membership in (whatever its status), collecting rows. */
  private async ownEverywhere(
    userId: string,
    read: (membership: { id: string; organization_id: string }) => Promise<CertificateRow[]>,
  ): Promise<CertificateRow[]> {
    const memberships = await this.tx.forUser(userId, () => this.certificates.membershipsOf(userId));
    const found: CertificateRow[] = [];
    for (const membership of memberships) {
      found.push(...(await this.tx.withOrganization(membership.organization_id, () => read(membership))));
    }
    return found;
  }

  /** Its learner, or the organization's org_admins and educators; anyone else gets the 404 of an unknown id. */
  private async readable(id: string): Promise<CertificateRow> {
    const actor: Actor = ExecutionContext.actor();
    const row = await this.certificates.findById(id);
    const staff = actor.roles.includes('org_admin') || actor.roles.includes('educator');
    if (!row || (!staff && row.membership_id !== actor.membershipId)) throw Problems.notFound('certificate');
    return row;
  }

  private verifyUrl(code: string): string {
    return `${this.config.publicUrl}/verify/${code}`;
  }

  private view(row: CertificateRow): CertificateView {
    return {
      id: row.id,
      number: row.number,
      learnerName: row.learner_name,
      courseCode: row.course_code,
      courseTitle: row.course_title,
      creditHours: Number(row.credit_hours),
      creditTypes: row.credit_types,
      credits: row.credits,
      timeSpentMinutes: row.time_spent_minutes,
      completedOn: row.completed_on,
      issuedAt: row.issued_at.toISOString(),
      verificationCode: row.verification_code,
      verifyUrl: this.verifyUrl(row.verification_code),
      providerName: row.provider_name,
      providerAddress: row.provider_address,
      accreditationStatements: row.accreditation_statements,
      revoked: row.revoked_at !== null,
      revokedAt: row.revoked_at?.toISOString() ?? null,
      earnedIn: row.live_session_id ? 'live_session' : 'online',
      liveSessionId: row.live_session_id,
    };
  }
}
