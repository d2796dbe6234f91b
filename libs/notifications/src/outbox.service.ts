import { Injectable } from '@nestjs/common';
import { ExecutionContext, TenantTransaction } from '@beacon/core/database';
import { NotificationInsert, NotificationRepository } from './notification.repository';
import { NotificationRelay } from './notification-relay.service';

const RELAY_IN_WORKER_ABOVE = 200;

/**
 * Whoever decides that a mail is owed writes it here, inside its own transaction. Nothing is enqueued inside
 * the transaction: the rows are relayed to the queue after commit (and by the poll, should that fail).
 */
@Injectable()
export class OutboxService {
  constructor(
    private readonly repository: NotificationRepository,
    private readonly relay: NotificationRelay,
    private readonly tx: TenantTransaction,
  ) {}

  /** Writes one mail; returns its id, or nothing when its dedupe key was written before. */
  enqueue(notification: NotificationInsert): Promise<string[]> {
    return this.enqueueMany([notification]);
  }

  /**
   * Writes many mails in one statement. A large batch (an import) is relayed by the worker after commit, so the
   * request does not wait on queueing thousands of jobs; the poll covers a relay that dies half-way.
   */
  async enqueueMany(notifications: NotificationInsert[]): Promise<string[]> {
    const organizationId = this.organizationId();
    const ids = await this.repository.insertMany(organizationId, notifications);
    this.relayAfterCommit(organizationId, ids);
    return ids;
  }

  /** Mail owed for many rows already in the database, written by one INSERT … SELECT (see the repository). */
  async enqueueFromSelect(select: { sql: string; params: unknown[] }): Promise<string[]> {
    const organizationId = this.organizationId();
    const ids = await this.repository.insertFromSelect(organizationId, select);
    this.relayAfterCommit(organizationId, ids);
    return ids;
  }

  /**
   * Mail that may be held until a later instant (reminders outside the reminder window): the SELECT gives a
   * `send_after` column too. Only the rows due at `now` are relayed after commit; the poll relays the others once
   * their time has come.
   */
  async enqueueScheduledFromSelect(select: { sql: string; params: unknown[] }, now: Date): Promise<number> {
    const organizationId = ExecutionContext.organizationId();
    const { inserted, dueIds } = await this.repository.insertScheduledFromSelect(
      organizationId,
      select,
      now,
      RELAY_IN_WORKER_ABOVE,
    );
    this.relayAfterCommit(organizationId, dueIds);
    return inserted;
  }

  private organizationId(): string | null {
    return ExecutionContext.isPlatform() ? null : ExecutionContext.organizationId();
  }

  /** `ids`: the new rows to relay, or null for more than RELAY_IN_WORKER_ABOVE, which the worker relays. */
  private relayAfterCommit(organizationId: string | null, ids: string[] | null): void {
    if (ids === null || ids.length > RELAY_IN_WORKER_ABOVE) {
      this.tx.onCommit(() => this.relay.relayInWorker(organizationId));
    } else if (ids.length > 0) {
      this.tx.onCommit(() => this.relay.relay(organizationId, ids));
    }
  }
}
