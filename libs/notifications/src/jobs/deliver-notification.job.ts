import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { GroupCommit, TenantTransaction } from '@beacon/core/database';
import { listIdHeader, MailRenderer, MailTransport, RenderedMail } from '@beacon/core/mail';
import { Clock } from '@beacon/core/time';
import { ClaimedNotificationRow, NotificationRepository } from '../notification.repository';
import type { DeliverNotificationPayload } from '../notification-relay.service';
import { SendTimeChecks } from '../send-time-checks.service';

/** Thrown while another sender holds the lease: the job is retried with backoff, and the lease runs out. */
export class LeaseHeldError extends Error {}

/** An organization's List-Id is read once a minute, not once a mail: a renamed organization's label follows soon. */
const LIST_ID_TTL_MS = 60_000;

@Injectable()
export class DeliverNotificationJob {
  private readonly logger = new Logger(DeliverNotificationJob.name);
  private readonly listIds = new Map<string, { value: string | null; readAt: number }>();

  constructor(
    private readonly repository: NotificationRepository,
    private readonly tx: TenantTransaction,
    private readonly commits: GroupCommit,
    private readonly renderer: MailRenderer,
    private readonly transport: MailTransport,
    /** outboxLeaseSeconds (OUTBOX_LEASE, 60 s): long enough for one SMTP exchange; a dead sender's lease runs out. */
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly checks: SendTimeChecks,
    /** A held reminder is claimed only once its `send_after` has passed by this clock. */
    private readonly clock: Clock,
  ) {}

  async run(payload: DeliverNotificationPayload, finalAttempt: boolean): Promise<void> {
    const { notificationId } = payload;
    const inScope = <T>(work: () => Promise<T>): Promise<T> =>
      payload.organizationId
        ? this.tx.withOrganization(payload.organizationId, work)
        : this.tx.platform(work);

    // The claim commits before anything is sent, so a second sender (a retry, a stalled job taken over by another
    // worker) finds the row taken and never mails it twice. It goes with the group commit: under load, the claims
    // and sent marks of many concurrent deliveries share one round trip.
    const now = this.clock.now();
    const organizationId = payload.organizationId ?? null;
    const [row] = await this.commits.write<ClaimedNotificationRow>(
      organizationId,
      this.repository.claimStatement(
        notificationId,
        this.config.outboxLeaseSeconds,
        now,
        this.checks.stateColumn(),
      ),
    );
    if (!row) {
      // Sent, failed or cancelled already, or a held reminder relayed early: the poll relays it again once due.
      const status = await inScope(() => this.repository.status(notificationId));
      if (status === 'sending')
        throw new LeaseHeldError(`notification ${notificationId} is held by another sender`);
      return;
    }
    const decision = this.checks.readsDatabase(row.kind)
      ? await inScope(() => this.checks.decide(row, now))
      : await this.checks.decide(row, now);
    if (!decision.send) {
      // Until this commits the row is `sending` under the lease: a sender dying here leaves it to be claimed and
      // checked again once the lease runs out.
      await this.commits.write(organizationId, this.repository.cancelStatement(notificationId));
      this.logger.log({ notificationId, kind: row.kind, reason: decision.reason }, 'notification cancelled');
      return;
    }
    const listId = row.organization_id ? await this.listId(row.organization_id, inScope) : null;
    await this.send(organizationId, row, decision.payload ?? row.payload, listId, finalAttempt, inScope);
  }

  private async listId(
    organizationId: string,
    inScope: <T>(work: () => Promise<T>) => Promise<T>,
  ): Promise<string | null> {
    const cached = this.listIds.get(organizationId);
    if (cached && Date.now() - cached.readAt < LIST_ID_TTL_MS) return cached.value;
    const organization = await inScope(() => this.repository.organizationListName(organizationId));
    const value = organization ? listIdHeader(organization, this.config.publicUrl) : null;
    this.listIds.set(organizationId, { value, readAt: Date.now() });
    return value;
  }

  private async send(
    organizationId: string | null,
    row: ClaimedNotificationRow,
    payload: Record<string, unknown>,
    listId: string | null,
    finalAttempt: boolean,
    inScope: <T>(work: () => Promise<T>) => Promise<T>,
  ): Promise<void> {
    let mail: RenderedMail;
    try {
      mail = this.renderer.render(row.kind, payload);
    } catch (error) {
      await inScope(() => this.repository.markFailed(row.id, String(error)));
      this.logger.error({ notificationId: row.id, kind: row.kind }, 'notification cannot be rendered');
      return;
    }

    const headers = listId ? { 'List-Id': listId } : undefined;

    let response: string;
    try {
      ({ response } = await this.transport.send({
        to: row.recipient_email,
        messageId: row.message_id,
        headers,
        ...mail,
      }));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await inScope(() =>
        finalAttempt ? this.repository.markFailed(row.id, message) : this.repository.release(row.id, message),
      );
      throw error;
    }
    await this.commits.write(organizationId, this.repository.sentStatement(row.id, response));
  }
}
