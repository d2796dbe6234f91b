import type { ClaimedNotificationRow } from './notification.repository';
import { SendTimeChecks } from './send-time-checks.service';

const row = (kind: string) => ({ kind, payload: {} }) as unknown as ClaimedNotificationRow;
const NOW = new Date('2031-06-18T17:00:00Z');

describe('SendTimeChecks', () => {
  it('sends a kind no feature checks, as stored', async () => {
    expect(await new SendTimeChecks().decide(row('invitation'), NOW)).toEqual({ send: true });
  });

  it('asks the check registered for the kind, with the clock instant', async () => {
    const checks = new SendTimeChecks();
    const check = jest.fn().mockResolvedValue({ send: false, reason: 'completed' });
    checks.register(['due_soon', 'overdue'], check);
    expect(await checks.decide(row('overdue'), NOW)).toEqual({ send: false, reason: 'completed' });
    expect(check).toHaveBeenCalledWith(expect.objectContaining({ kind: 'overdue' }), NOW);
  });

  it('refuses a second check for the same kind', () => {
    const checks = new SendTimeChecks();
    checks.register(['escalation'], jest.fn());
    expect(() => checks.register(['escalation'], jest.fn())).toThrow(/registered twice/);
  });

  it("returns each kind's registered state from the claim, and null for kinds without one", () => {
    const checks = new SendTimeChecks();
    expect(checks.stateColumn()).toBe('NULL::json AS check_state');
    checks.register(['due_soon', 'overdue'], jest.fn(), '(SELECT 1)');
    checks.register(['escalation'], jest.fn());
    expect(checks.stateColumn()).toBe(
      "CASE n.kind WHEN 'due_soon' THEN (SELECT 1) WHEN 'overdue' THEN (SELECT 1) END AS check_state",
    );
  });

  it('runs in a transaction only the checks that read the database (registered without their state)', () => {
    const checks = new SendTimeChecks();
    checks.register(['due_soon'], jest.fn(), '(SELECT 1)');
    checks.register(['escalation'], jest.fn());
    expect(checks.readsDatabase('due_soon')).toBe(false);
    expect(checks.readsDatabase('escalation')).toBe(true);
    expect(checks.readsDatabase('invitation')).toBe(false);
  });
});
