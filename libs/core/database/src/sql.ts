import { createHash } from 'node:crypto';
import type { EntityManager, QueryRunner } from 'typeorm';
import { ExecutionContext } from './execution-context';

export type SqlParams = readonly unknown[];

/**
 * Typed statements on the current transaction. TypeORM's `query()` answers a SELECT or INSERT with its rows but an
 * UPDATE or DELETE with `[rows, count]`, so call sites had to know which shape to unpack; these always answer the
 * same way, whatever the command: rows for `rows`/`one`, the row count for `affected`.
 */
async function run(manager: EntityManager, sql: string, params: SqlParams) {
  const runner = manager.queryRunner as QueryRunner | undefined;
  if (!runner) throw new Error('No query runner: run statements inside a TenantTransaction');
  return runner.query(sql, [...params], true);
}

/** Every row of a SELECT, or of a write with RETURNING. */
export async function rows<T>(sql: string, params: SqlParams = []): Promise<T[]> {
  return (await run(ExecutionContext.manager(), sql, params)).records as T[];
}

/** The first row, or null when there is none. */
export async function one<T>(sql: string, params: SqlParams = []): Promise<T | null> {
  return (await rows<T>(sql, params))[0] ?? null;
}

/** How many rows a write changed. */
export async function affected(sql: string, params: SqlParams = []): Promise<number> {
  return Number((await run(ExecutionContext.manager(), sql, params)).affected ?? 0);
}

interface PreparingClient {
  query(statement: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * `rows`, through a named prepared statement (prepared once per pooled connection, then only executed). For the
 * reads every request makes, whose planning costs more than their execution (the learner's enrollments: ~0.5 ms to
 * plan, ~0.1 ms to run). Not for bulk statements whose best plan depends on their values (a generic plan would be
 * used after five runs).
 */
export async function preparedRows<T>(sql: string, params: SqlParams = []): Promise<T[]> {
  const runner = ExecutionContext.manager().queryRunner as QueryRunner | undefined;
  if (!runner) throw new Error('No query runner: run statements inside a TenantTransaction');
  const client = (await runner.connect()) as PreparingClient;
  return (await client.query({ name: statementName(sql), text: sql, values: [...params] })).rows as T[];
}

/** `one`, through a named prepared statement (see `preparedRows`). */
export async function preparedOne<T>(sql: string, params: SqlParams = []): Promise<T | null> {
  return (await preparedRows<T>(sql, params))[0] ?? null;
}

const names = new Map<string, string>();

/** One name per statement text, so a pooled connection prepares each statement once. */
export function statementName(sql: string): string {
  let name = names.get(sql);
  if (name === undefined) {
    name = `beacon_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`;
    names.set(sql, name);
  }
  return name;
}

/** The name a statement is PREPAREd under by SQL (`TenantTransaction`); apart from the protocol-level names above. */
export function preparedName(sql: string): string {
  return `beacon_sql_${statementName(sql).slice('beacon_'.length)}`;
}
