import type { EntityManager, QueryRunner } from 'typeorm';
import type { Scope } from './execution-context';

type Callback = () => Promise<void> | void;

/**
 * A request's one transaction: opened with the actor check, shared by everything the handler does, committed (then
 * its after-commit callbacks run) or rolled back once. Ending it twice is harmless, so every exit path may try.
 * It was started by a batched START TRANSACTION (see TenantTransaction.begin), which TypeORM's runner does not
 * track, so it is ended with plain statements too, on the runner itself: the typed helpers (sql.ts) use the
 * async-local context's manager, and a rollback when the response closes runs outside that context.
 */
export class RequestTransaction {
  private ended = false;
  private handled = false;

  constructor(
    private readonly runner: QueryRunner,
    readonly scope: Scope,
    private readonly callbacks: Callback[],
  ) {}

  get manager(): EntityManager {
    return this.runner.manager;
  }

  get open(): boolean {
    return !this.ended;
  }

  /** The handler runs in it from now on: only its end (commit, or rollback on error) may end the transaction. */
  adopt(): void {
    this.handled = true;
  }

  /** Whether a handler runs in it (a client going away must not roll back work that is still being done). */
  get adopted(): boolean {
    return this.handled;
  }

  async commit(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    try {
      await this.runner.query('COMMIT');
    } finally {
      await this.runner.release();
    }
    for (const callback of this.callbacks) await callback();
  }

  async rollback(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    try {
      await this.runner.query('ROLLBACK');
    } finally {
      await this.runner.release();
    }
  }
}
