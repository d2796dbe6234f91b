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
    return this.relayAfterCommit(
      organizationId,
      await this.repository.insertMany(organizationId, notifications),
    );
  }

  /** Mail owed for many rows already in the database, written by one INSERT … SELECT (see the repository). */
  async enqueueFromSelect(select: { sql: string; params: unknown[] }): Promise<string[]> {
    const organizationId = this.organizationId();
    return this.relayAfterCommit(
      organizationId,
      await this.repository.insertFromSelect(organizationId, select),
    );
  }

  /**
   * Mail that may be held until a later instant (reminders outside the reminder window): the SELECT gives a
   * `send_after` column too. Only the rows due at `now` are relayed after commit; the poll relays the others once
   * their time has come.
   */
  async enqueueScheduledFromSelect(select: { sql: string; params: unknown[] }, now: Date): Promise<string[]> {
    const organizationId = ExecutionContext.organizationId();
    const inserted = await this.repository.insertScheduledFromSelect(organizationId, select, now);
    this.relayAfterCommit(
      organizationId,
      inserted.filter((row) => row.due).map((row) => row.id),
    );
    return inserted.map((row) => row.id);
  }

  private organizationId(): string | null {
    return ExecutionContext.isPlatform() ? null : ExecutionContext.organizationId();
  }

  private relayAfterCommit(organizationId: string | null, ids: string[]): string[] {
    if (ids.length > RELAY_IN_WORKER_ABOVE) {
      this.tx.onCommit(() => this.relay.relayInWorker(organizationId));
    } else if (ids.length > 0) {
      this.tx.onCommit(() => this.relay.relay(organizationId, ids));
    }
    return ids;
  }
}
