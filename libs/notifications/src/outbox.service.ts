import { Injectable } from '@nestjs/common';
import { ExecutionContext, TenantTransaction } from '@beacon/core/database';
import { NotificationInsert, NotificationRepository } from './notification.repository';
import { NotificationRelay } from './notification-relay.service';

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

  async enqueue(...notifications: NotificationInsert[]): Promise<string[]> {
    const organizationId = ExecutionContext.isPlatform() ? null : ExecutionContext.organizationId();
    const ids = await this.repository.insertMany(organizationId, notifications);
    this.tx.onCommit(() => this.relay.relay(organizationId, ids));
    return ids;
  }
}
