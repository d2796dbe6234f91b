import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ExecutionContext, Scope } from './execution-context';
import { statementName } from './sql';
import { RequestTransaction } from './request-transaction';

type Work<T> = (manager: EntityManager) => Promise<T>;

const SET_CONTEXT = `SELECT set_config('app.organization_id', $1, true),
                            set_config('app.user_id', $2, true),
                            set_config('app.scope', $3, true)`;

function settings(scope: Scope): string[] {
  return [scope.organizationId ?? '', scope.userId ?? '', scope.platform ? 'platform' : ''];
}

/** A value a batched statement carries as a literal (the simple query protocol takes no parameters). */
export type InlineValue = string | number | boolean | null;

interface LiteralClient {
  query(sql: string | { name: string; text: string; values: unknown[] }): Promise<unknown>;
  escapeLiteral(value: string): string;
}

/** `$n` placeholders replaced by literals quoted by the driver itself (node-postgres' escapeLiteral). */
function inline(client: LiteralClient, sql: string, params: readonly InlineValue[]): string {
  return sql.replace(/\$(\d+)/g, (_match, index: string) => {
    const value = params[Number(index) - 1];
    if (value === undefined) throw new Error(`no value for $${index}`);
    if (value === null) return 'NULL';
    if (typeof value === 'string') return client.escapeLiteral(value);
    return String(value);
  });
}

function sameScope(a: Scope, b: Scope): boolean {
  return a.organizationId === b.organizationId && a.userId === b.userId && a.platform === b.platform;
}

/**
 * Opens the transactions that every request and job runs in. The first statement of each sets the tenant
 * context transaction-locally (never a session-level SET on a pooled connection), and the manager is put into
 * the async-local context so repositories use this transaction and no other connection.
 *
 * Inside a request's own transaction (see `begin`), work in another scope (the platform tables, a person's own
 * memberships, another organization) switches that transaction's settings for its duration and back: one
 * connection per request, so a burst of requests can never hold the whole pool while each waits for a second one.
 */
@Injectable()
export class TenantTransaction {
  private readonly afterCommit = new WeakMap<EntityManager, Array<() => Promise<void> | void>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs in the organization of the current actor (or job); joins the open transaction if there is one. */
  run<T>(work: Work<T>): Promise<T> {
    const open = ExecutionContext.openScope();
    if (open && !open.platform && open.organizationId !== null) return work(ExecutionContext.manager());
    const organizationId = ExecutionContext.organizationId();
    return this.enter({ organizationId, userId: this.actorUserId(), platform: false }, work);
  }

  /** Enters an organization explicitly, for code acting in an organization it was not called for. */
  withOrganization<T>(organizationId: string, work: Work<T>): Promise<T> {
    const open = ExecutionContext.openScope();
    if (open && !open.platform && open.organizationId === organizationId)
      return work(ExecutionContext.manager());
    return this.enter({ organizationId, userId: this.actorUserId(), platform: false }, work);
  }

  /** Platform scope: platform tables, and outbox/audit rows that belong to no organization. */
  platform<T>(work: Work<T>): Promise<T> {
    const open = ExecutionContext.openScope();
    if (open?.platform) return work(ExecutionContext.manager());
    return this.enter({ organizationId: null, userId: this.actorUserId(), platform: true }, work);
  }

  /** A person's own rows across organizations (their memberships), e.g. at login before any organization is bound. */
  forUser<T>(userId: string, work: Work<T>): Promise<T> {
    const open = ExecutionContext.openScope();
    if (open?.platform && open.userId === userId) return work(ExecutionContext.manager());
    return this.enter({ organizationId: null, userId, platform: true }, work);
  }

  /**
   * Opens a request's own transaction in the given scope with its first statement (the actor check), and answers
   * that statement's rows; the caller ends the transaction (commit or rollback). Services called within join it
   * (see the class comment). START TRANSACTION, the settings and the first statement travel in one round trip:
   * this runs on every authenticated request.
   */
  async begin<R>(
    scope: Scope,
    first: { sql: string; params: readonly InlineValue[] },
  ): Promise<{ transaction: RequestTransaction; rows: R[] }> {
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as LiteralClient;
    let rows: R[];
    try {
      await client.query(['START TRANSACTION', inline(client, SET_CONTEXT, settings(scope))].join(';\n'));
      rows = (
        (await client.query({
          name: statementName(first.sql),
          text: first.sql,
          values: [...first.params],
        })) as {
          rows: R[];
        }
      ).rows;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      await runner.release();
      throw error;
    }
    const callbacks: Array<() => Promise<void> | void> = [];
    this.afterCommit.set(runner.manager, callbacks);
    return { transaction: new RequestTransaction(runner, scope, callbacks), rows };
  }

  /** Queues work to run once the current transaction has committed (e.g. relaying outbox rows). */
  onCommit(callback: () => Promise<void> | void): void {
    const manager = ExecutionContext.manager();
    const callbacks = this.afterCommit.get(manager);
    if (!callbacks) throw new Error('onCommit outside a transaction opened by TenantTransaction');
    callbacks.push(callback);
  }

  private actorUserId(): string | null {
    return ExecutionContext.optionalActor()?.userId ?? null;
  }

  private enter<T>(scope: Scope, work: Work<T>): Promise<T> {
    const open = ExecutionContext.openScope();
    if (open?.shared) return this.switchScope(open, scope, work);
    return this.open(scope, work);
  }

  /** Work in another scope inside the request's transaction; the settings are put back afterwards. */
  private async switchScope<T>(current: Scope, scope: Scope, work: Work<T>): Promise<T> {
    const manager = ExecutionContext.manager();
    if (sameScope(current, scope)) return work(manager);
    await manager.query(SET_CONTEXT, settings(scope));
    let result: T;
    try {
      result = await ExecutionContext.runWith(scope, () => work(manager));
    } catch (error) {
      // A failed statement aborted the transaction; putting the settings back would fail too and hide the cause.
      await manager.query(SET_CONTEXT, settings(current)).catch(() => undefined);
      throw error;
    }
    await manager.query(SET_CONTEXT, settings(current));
    return result;
  }

  /**
   * A transaction of its own (jobs, and services called outside a request). START TRANSACTION and the settings
   * travel in one round trip, as in `begin`: the outbox's sender opens two of these per mail.
   */
  private async open<T>(scope: Scope, work: Work<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as LiteralClient;
    const callbacks: Array<() => Promise<void> | void> = [];
    this.afterCommit.set(runner.manager, callbacks);
    let result: T;
    try {
      await client.query(['START TRANSACTION', inline(client, SET_CONTEXT, settings(scope))].join(';\n'));
      result = await ExecutionContext.runWith({ ...scope, manager: runner.manager, shared: false }, () =>
        work(runner.manager),
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
    for (const callback of callbacks) await callback();
    return result;
  }
}
