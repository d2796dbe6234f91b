import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ExecutionContext, Scope } from './execution-context';
import { preparedName, rows } from './sql';
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

/** A statement sent along with a transaction's opening; the repository that owns the SQL builds it. */
export interface OpeningStatement {
  sql: string;
  params: readonly InlineValue[];
}

interface LiteralClient {
  query(sql: string): Promise<Array<{ rows: unknown[] }> | { rows: unknown[] }>;
  escapeLiteral(value: string): string;
}

/** The statements each pooled connection has PREPAREd (see `opening`); a new connection starts empty. */
const preparedOn = new WeakMap<LiteralClient, Set<string>>();

/** A value as a literal quoted by the driver itself (node-postgres' escapeLiteral). */
function literal(client: LiteralClient, value: InlineValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'string') return client.escapeLiteral(value);
  return String(value);
}

/** `$n` placeholders replaced by literals. */
function inline(client: LiteralClient, sql: string, params: readonly InlineValue[]): string {
  return sql.replace(/\$(\d+)/g, (_match, index: string) => {
    const value = params[Number(index) - 1];
    if (value === undefined) throw new Error(`no value for $${index}`);
    return literal(client, value);
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
   * (see the class comment). One round trip (see `opening`): this runs on every authenticated request.
   */
  async begin<R>(
    scope: Scope,
    first: OpeningStatement,
  ): Promise<{ transaction: RequestTransaction; rows: R[] }> {
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as LiteralClient;
    let rows: R[];
    try {
      rows = await this.opening<R>(client, scope, first, false);
    } catch (error) {
      await runner.release();
      throw error;
    }
    const callbacks: Array<() => Promise<void> | void> = [];
    this.afterCommit.set(runner.manager, callbacks);
    return { transaction: new RequestTransaction(runner, scope, callbacks), rows };
  }

  /**
   * One write in a transaction of its own, in one round trip: opening, statement and COMMIT together (see
   * `together`), where `withOrganization` takes three; it answers the statement's rows. For writes made once a mail
   * (the outbox's claim and sent mark). Inside an open transaction, it joins it.
   */
  async writeAlone<R = unknown>(organizationId: string | null, statement: OpeningStatement): Promise<R[]> {
    const scope = this.explicitScope(organizationId);
    if (ExecutionContext.openScope())
      return this.enter(scope, () => rows<R>(statement.sql, statement.params));
    const [answered] = await this.writeTogether<R>([{ organizationId, statement }]);
    return answered;
  }

  /**
   * Several writes, each in its own organization (or, for `null`, the platform), in one transaction committed in
   * one round trip (see `together`); answers each statement's rows, in order. One failing statement rolls back them
   * all. For writes of unrelated jobs gathered together (`GroupCommit`).
   */
  async writeTogether<R = unknown>(
    writes: ReadonlyArray<{ organizationId: string | null; statement: OpeningStatement }>,
  ): Promise<R[][]> {
    if (ExecutionContext.openScope()) throw new Error('writeTogether opens its own transaction');
    const statements = writes.map(({ organizationId, statement }) => ({
      scope: this.explicitScope(organizationId),
      statement,
    }));
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as LiteralClient;
    try {
      return await this.together<R>(client, statements, true);
    } finally {
      await runner.release();
    }
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

  private explicitScope(organizationId: string | null): Scope {
    return { organizationId, userId: this.actorUserId(), platform: organizationId === null };
  }

  /** `opening` with one scope and one statement: its rows. */
  private async opening<R>(
    client: LiteralClient,
    scope: Scope,
    first: OpeningStatement,
    commit: boolean,
  ): Promise<R[]> {
    const [answered] = await this.together<R>(client, [{ scope, statement: first }], commit);
    return answered;
  }

  /**
   * Opens a transaction with its statements in one simple query, so one round trip: on this machine a round trip
   * costs more CPU than a statement's planning. Each statement runs in its own scope (the settings are sent again
   * only where the scope changes). The simple protocol takes no parameters, so each statement is PREPAREd by SQL
   * once per pooled connection and EXECUTEd with literals quoted by the driver: it keeps its plan. With `commit`,
   * the transaction commits in the same round trip. On failure the transaction is rolled back. Answers each
   * statement's rows, in order.
   */
  private async together<R>(
    client: LiteralClient,
    statements: ReadonlyArray<{ scope: Scope; statement: OpeningStatement }>,
    commit: boolean,
  ): Promise<R[][]> {
    let prepared = preparedOn.get(client);
    if (!prepared) preparedOn.set(client, (prepared = new Set()));
    const parts: string[] = [];
    const preparing = new Set<string>();
    for (const { statement } of statements) {
      const name = preparedName(statement.sql);
      if (prepared.has(name) || preparing.has(name)) continue;
      preparing.add(name);
      parts.push(`PREPARE ${name} AS ${statement.sql}`);
    }
    parts.push('START TRANSACTION');
    const resultIndexes: number[] = [];
    let current: Scope | null = null;
    for (const { scope, statement } of statements) {
      if (!current || !sameScope(current, scope)) parts.push(inline(client, SET_CONTEXT, settings(scope)));
      current = scope;
      const name = preparedName(statement.sql);
      const values = statement.params.map((value) => literal(client, value));
      resultIndexes.push(parts.length);
      parts.push(values.length > 0 ? `EXECUTE ${name}(${values.join(', ')})` : `EXECUTE ${name}`);
    }
    if (commit) parts.push('COMMIT');
    let results: Array<{ rows: unknown[] }>;
    try {
      const answer = await client.query(parts.join(';\n'));
      results = Array.isArray(answer) ? answer : [answer];
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      // PREPARE is not undone by the rollback: whether it ran decides whether the next use prepares again.
      if (preparing.size > 0) {
        const names = [...preparing].map((name) => `'${name}'`).join(', ');
        const found = await client
          .query(`SELECT name FROM pg_prepared_statements WHERE name IN (${names})`)
          .catch(() => null);
        if (found && !Array.isArray(found))
          for (const row of found.rows as Array<{ name: string }>) prepared.add(row.name);
      }
      throw error;
    }
    for (const name of preparing) prepared.add(name);
    return resultIndexes.map((index) => results[index].rows as R[]);
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
  private async open<T>(
    scope: Scope,
    work: (manager: EntityManager, firstRows: unknown[]) => Promise<T>,
    first?: OpeningStatement,
  ): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as LiteralClient;
    const callbacks: Array<() => Promise<void> | void> = [];
    this.afterCommit.set(runner.manager, callbacks);
    let result: T;
    try {
      let firstRows: unknown[] = [];
      if (first) firstRows = await this.opening(client, scope, first, false);
      else
        await client.query(['START TRANSACTION', inline(client, SET_CONTEXT, settings(scope))].join(';\n'));
      result = await ExecutionContext.runWith({ ...scope, manager: runner.manager, shared: false }, () =>
        work(runner.manager, firstRows),
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
