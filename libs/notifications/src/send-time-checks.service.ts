import { Injectable } from '@nestjs/common';
import type { ClaimedNotificationRow } from './notification.repository';

/** What a feature answers about a claimed notification just before it is mailed. */
export type SendDecision =
  | {
      send: true;
      /** Replaces the stored payload for rendering (a digest read again from current data). */ payload?: Record<
        string,
        unknown
      >;
    }
  | { send: false; reason: string };

/**
 * `now` is the injected clock's. A check registered with its state (`CheckStateSql`) decides from the claimed row
 * alone and runs outside any transaction; one registered without runs in a transaction of its own, in the
 * notification's organization, after the claim has committed.
 */
export type SendTimeCheck = (row: ClaimedNotificationRow, now: Date) => Promise<SendDecision>;

/**
 * What a check reads, as an SQL expression over the claimed notification `n` (a scalar subquery answering json).
 * The claim returns it as `check_state`, so the check needs no statement of its own: the sender claims and checks
 * in one round trip.
 */
export type CheckStateSql = string;

const SEND: SendDecision = { send: true };

/**
 * Checks features register per notification kind, so mail decided earlier is not sent about something that has
 * changed since (a reminder about a course completed meanwhile). Notifications cannot import those features; they
 * register here at start-up instead, as templates do with the renderer.
 */
@Injectable()
export class SendTimeChecks {
  private readonly checks = new Map<string, SendTimeCheck>();
  private readonly states = new Map<string, CheckStateSql>();

  register(kinds: string[], check: SendTimeCheck, state?: CheckStateSql): void {
    for (const kind of kinds) {
      if (this.checks.has(kind)) throw new Error(`A send-time check for "${kind}" is registered twice`);
      this.checks.set(kind, check);
      if (state) this.states.set(kind, state);
    }
  }

  /** The claim's `check_state` column: the state registered for the claimed row's kind, else null. */
  stateColumn(): string {
    if (this.states.size === 0) return 'NULL::json AS check_state';
    const cases = [...this.states].map(([kind, state]) => `WHEN '${kind.replace(/'/g, "''")}' THEN ${state}`);
    return `CASE n.kind ${cases.join(' ')} END AS check_state`;
  }

  /** Whether the kind's check reads the database (it was registered without its state). */
  readsDatabase(kind: string): boolean {
    return this.checks.has(kind) && !this.states.has(kind);
  }

  decide(row: ClaimedNotificationRow, now: Date): Promise<SendDecision> {
    const check = this.checks.get(row.kind);
    return check ? check(row, now) : Promise.resolve(SEND);
  }
}
