import { Injectable } from '@nestjs/common';
import { AuditService } from '@beacon/audit';
import { ExecutionContext, TenantTransaction } from '@beacon/core/database';
import { ProblemException, Problems } from '@beacon/core/http';
import { NotificationView } from './http/notification.dto';
import { NotificationRepository, NotificationStatus, ViewedNotificationRow } from './notification.repository';
import { NotificationRelay } from './notification-relay.service';
import { toNotificationView } from './notification.view';

export type ReopenOutcome =
  | { refused?: undefined; row: ViewedNotificationRow }
  | { refused: 'unknown' | 'one-time-link' }
  | { refused: 'not-failed'; status: NotificationStatus };

/** Sends a failed notification again: back to `pending`, relayed after commit like any new row. */
@Injectable()
export class NotificationRetry {
  constructor(
    private readonly repository: NotificationRepository,
    private readonly relay: NotificationRelay,
    private readonly tx: TenantTransaction,
    private readonly audit: AuditService,
  ) {}

  /** In the caller's organization: another organization's id is unknown here (404). */
  retry(id: string): Promise<NotificationView> {
    return this.tx.run(async () => {
      const row = await this.reopen(id);
      await this.audit.record({
        action: 'notification.retried',
        entityType: 'notification',
        entityId: id,
        changes: { status: { from: 'failed', to: 'pending' } },
      });
      const organizationId = ExecutionContext.organizationId();
      // The failed delivery job is still kept under the notification's id; relayAgain clears it first.
      this.tx.onCommit(() => this.relay.relayAgain(organizationId, [id]));
      return toNotificationView(row);
    });
  }

  /** In the current scope: reopens a failed row, or says why not (404 unknown, 409 not failed or unsendable). */
  async reopen(id: string): Promise<ViewedNotificationRow> {
    const outcome = await this.tryReopen(id);
    if (outcome.refused) throw refusal(outcome);
    return outcome.row;
  }

  async tryReopen(id: string): Promise<ReopenOutcome> {
    const row = await this.repository.reopenFailed(id);
    if (row) return { row };
    const current = await this.repository.statusAndKind(id);
    if (!current) return { refused: 'unknown' };
    if (current.status !== 'failed') return { refused: 'not-failed', status: current.status };
    return { refused: 'one-time-link' };
  }
}

export function refusal(outcome: Exclude<ReopenOutcome, { row: ViewedNotificationRow }>): ProblemException {
  switch (outcome.refused) {
    case 'unknown':
      return Problems.notFound('notification');
    case 'not-failed':
      return Problems.conflict(`Only a failed notification can be retried; this one is ${outcome.status}.`);
    case 'one-time-link':
      return Problems.conflict(
        'This mail carried a one-time link that was erased when it failed; send a new invitation or reset instead.',
      );
  }
}
