import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ExecutionContext } from './execution-context';

type Work<T> = (manager: EntityManager) => Promise<T>;

const SET_CONTEXT = `SELECT set_config('app.organization_id', $1, true),
                            set_config('app.user_id', $2, true),
                            set_config('app.scope', $3, true)`;

/**
 * Opens the transactions that every request and job runs in. The first statement of each sets the tenant
 * context transaction-locally (never a session-level SET on a pooled connection), and the manager is put into
 * the async-local context so repositories use this transaction and no other connection.
 */
@Injectable()
export class TenantTransaction {
  private readonly afterCommit = new WeakMap<EntityManager, Array<() => Promise<void> | void>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs in the organization of the current actor (or job); joins the open transaction if there is one. */
  run<T>(work: Work<T>): Promise<T> {
    const open = ExecutionContext.optionalManager();
    if (open && !ExecutionContext.isPlatform()) return work(open);
    return this.open(ExecutionContext.organizationId(), false, work);
  }

  /** Enters an organization explicitly, for code acting in an organization it was not called for. */
  withOrganization<T>(organizationId: string, work: Work<T>): Promise<T> {
    const open = ExecutionContext.optionalManager();
    if (
      open &&
      ExecutionContext.optionalOrganizationId() === organizationId &&
      !ExecutionContext.isPlatform()
    ) {
      return work(open);
    }
    return this.open(organizationId, false, work);
  }

  /** Platform scope: platform tables, and outbox/audit rows that belong to no organization. */
  platform<T>(work: Work<T>): Promise<T> {
    const open = ExecutionContext.optionalManager();
    if (open && ExecutionContext.isPlatform()) return work(open);
    return this.open(null, true, work);
  }

  /** A person's own rows across organizations (their memberships), e.g. at login before any organization is bound. */
  forUser<T>(userId: string, work: Work<T>): Promise<T> {
    return this.open(null, true, work, userId);
  }

  /** Queues work to run once the current transaction has committed (e.g. relaying outbox rows). */
  onCommit(callback: () => Promise<void> | void): void {
    const manager = ExecutionContext.manager();
    const callbacks = this.afterCommit.get(manager);
    if (!callbacks) throw new Error('onCommit outside a transaction opened by TenantTransaction');
    callbacks.push(callback);
  }

  private async open<T>(
    organizationId: string | null,
    platform: boolean,
    work: Work<T>,
    userId: string | null = ExecutionContext.optionalActor()?.userId ?? null,
  ): Promise<T> {
    const callbacks: Array<() => Promise<void> | void> = [];
    const result = await this.dataSource.transaction(async (manager) => {
      this.afterCommit.set(manager, callbacks);
      await manager.query(SET_CONTEXT, [organizationId ?? '', userId ?? '', platform ? 'platform' : '']);
      return ExecutionContext.runWith({ manager, organizationId, platform }, () => work(manager));
    });
    for (const callback of callbacks) await callback();
    return result;
  }
}
