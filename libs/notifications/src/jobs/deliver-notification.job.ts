import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { TenantTransaction } from '@beacon/core/database';
import { listIdHeader, MailRenderer, MailTransport, RenderedMail } from '@beacon/core/mail';
import { NotificationRepository } from '../notification.repository';
import type { DeliverNotificationPayload } from '../notification-relay.service';

/** Thrown while another sender holds the lease: the job is retried with backoff, and the lease runs out. */
export class LeaseHeldError extends Error {}

@Injectable()
export class DeliverNotificationJob {
  private readonly logger = new Logger(DeliverNotificationJob.name);

  constructor(
    private readonly repository: NotificationRepository,
    private readonly tx: TenantTransaction,
    private readonly renderer: MailRenderer,
    private readonly transport: MailTransport,
    /** outboxLeaseSeconds (OUTBOX_LEASE, 60 s): long enough for one SMTP exchange; a dead sender's lease runs out. */
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(payload: DeliverNotificationPayload, finalAttempt: boolean): Promise<void> {
    const { notificationId } = payload;
    const inScope = <T>(work: () => Promise<T>): Promise<T> =>
      payload.organizationId
        ? this.tx.withOrganization(payload.organizationId, work)
        : this.tx.platform(work);

    // The claim commits before anything is sent, so a second sender (a retry, a stalled job taken over by another
    // worker) finds the row taken and never mails it twice.
    const row = await inScope(() => this.repository.claim(notificationId, this.config.outboxLeaseSeconds));
    if (!row) {
      const status = await inScope(() => this.repository.status(notificationId));
      if (status === 'sending')
        throw new LeaseHeldError(`notification ${notificationId} is held by another sender`);
      return;
    }

    let mail: RenderedMail;
    try {
      mail = this.renderer.render(row.kind, row.payload);
    } catch (error) {
      await inScope(() => this.repository.markFailed(notificationId, String(error)));
      this.logger.error({ notificationId, kind: row.kind }, 'notification cannot be rendered');
      return;
    }

    const organization = row.organization_id
      ? await inScope(() => this.repository.organizationListName(row.organization_id as string))
      : null;
    const headers = organization
      ? { 'List-Id': listIdHeader(organization, this.config.publicUrl) }
      : undefined;

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
        finalAttempt
          ? this.repository.markFailed(notificationId, message)
          : this.repository.release(notificationId, message),
      );
      throw error;
    }
    await inScope(() => this.repository.markSent(notificationId, response));
  }
}
