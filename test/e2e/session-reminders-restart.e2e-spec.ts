import type { ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { createSite, findHt101 } from '../support/learning';
import { bearer, TestApp, TestOrganization } from '../support/test-app';
import { sleep, until } from '../support/waiting';
import { killAll, killWorkerProcess, startWorkerProcess } from '../support/worker-child';

/**
 * Live-session reminders under a crash: the worker is killed with SIGKILL in the middle of the sweep's transaction
 * (its reminders written but not committed), then two workers start side by side, each sweeping every second.
 * Every seat still gets exactly one reminder: not none (the sweep is redone), not two (one row per key).
 */

// Enough seats that the killed sweep holds many uncommitted reminders; few enough to send quickly in CI.
const SEATS = 300;

// BullMQ hands the dead worker's sweep job to a live worker once it finds it stalled; the sweeps every second of
// the new workers do not wait for that. A worker child may take up to a minute to boot on a loaded machine.
jest.setTimeout(360_000);

describe('live session reminders when the worker is killed mid-sweep', () => {
  let world: TestApp;
  let organization: TestOrganization;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    // The child workers read this environment: a sweep each second, no send limit (this is about crashes).
    world = await TestApp.start({
      worker: false,
      env: { REMINDER_SWEEP_EVERY: '1s', MAIL_RATE_PER_SECOND: '100000', OUTBOX_LEASE: '5s' },
    });
    await startWorkerProcess(children);
    organization = await world.createOrganization('Crash Sessions');
  });

  afterAll(async () => {
    killAll(children);
    await world?.stop();
  });

  /** A session a month ahead with SEATS members seated long ago (in SQL: no registration mail). */
  async function sessionWithSeats(): Promise<{ id: string; members: Array<{ id: string; email: string }> }> {
    const fran = await world.addPlatformStaff(['facilitator']);
    const course = await findHt101(world, organization.admin);
    const siteId = await createSite(world, organization.admin, 'Crash Hospital');
    const startsAt = new Date(Date.now() + 30 * 86_400_000);
    startsAt.setUTCMinutes(0, 0, 0);
    const created = await world
      .http()
      .post('/api/v1/live-sessions')
      .set(...bearer(organization.admin))
      .send({
        courseId: course.id,
        siteId,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
        timezone: 'America/Chicago',
        location: 'Crash room',
        capacity: SEATS,
        facilitatorIds: [fran.user.id],
      })
      .expect(201);
    const id = created.body.id as string;
    const members = await world.ownerQuery<{ id: string; email: string }>(
      `WITH people AS (
         INSERT INTO users (email, name)
         SELECT 'seat-' || n || '@example.test', 'Seat ' || n FROM generate_series(1, $3::int) n
         RETURNING id, email, name),
       members AS (
         INSERT INTO memberships (organization_id, user_id, roles, status, name, joined_at)
         SELECT $1, id, '{learner}', 'active', name, now() FROM people RETURNING id, user_id),
       seats AS (
         INSERT INTO session_registrations (organization_id, session_id, member_id, status, created_at)
         SELECT $1, $2, id, 'registered', now() - interval '2 days' FROM members)
       SELECT m.id, p.email FROM members m JOIN people p ON p.id = m.user_id`,
      [organization.id, id, SEATS],
    );
    return { id, members };
  }

  it('sends each seat one reminder across a SIGKILL in the sweep and two restarted workers', async () => {
    const session = await sessionWithSeats();
    const startsAt = new Date(Date.now() + 20 * 3_600_000);
    startsAt.setUTCSeconds(0, 0);
    const keyOf = (memberId: string) =>
      `live-session-reminder:${session.id}:${memberId}:${startsAt.toISOString()}`;
    world.mail.headersOnly = true;
    const before = world.mail.messages.length;

    // One seat's reminder key is held by an uncommitted row: the sweep that meets it waits, mid-transaction, with
    // the other seats' reminders written but not committed.
    const blocker = new Client({ connectionString: world.ownerUrl });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query(
        `INSERT INTO notifications (organization_id, kind, recipient_email, dedupe_key, message_id)
         VALUES ($1, 'live_session_reminder', $2, $3, '<blocker@beacon.test>')`,
        [organization.id, session.members[SEATS - 1].email, keyOf(session.members[SEATS - 1].id)],
      );
      // Into the reminder's window: the worker's next sweep (within a second) owes every seat a reminder.
      await world.ownerQuery(
        `UPDATE live_sessions SET starts_at = $2, ends_at = $2::timestamptz + interval '2 hours' WHERE id = $1`,
        [session.id, startsAt],
      );
      await until(
        "the sweep's insert waits on the held key",
        async () =>
          (
            await world.ownerQuery(
              `SELECT 1 FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock'
                  AND wait_event = 'transactionid' AND query LIKE '%live_session_reminder%'`,
            )
          ).length > 0,
        60_000,
      );
      await killWorkerProcess(children[0]);
    } finally {
      await blocker.query('ROLLBACK');
      await blocker.end();
    }
    const heldByTheDead = await world.activeJobIds();
    const rows = () =>
      world.ownerQuery<{ dedupe_key: string; status: string; message_id: string; recipient_email: string }>(
        `SELECT dedupe_key, status, message_id, recipient_email FROM notifications
          WHERE kind = 'live_session_reminder' AND organization_id = $1`,
        [organization.id],
      );
    const marked = () =>
      world.ownerQuery<{ n: number }>(
        'SELECT count(*)::int AS n FROM session_reminders WHERE session_id = $1',
        [session.id],
      );
    // Nothing the killed sweep wrote was committed, and nothing was mailed.
    expect(await rows()).toEqual([]);
    expect(await marked()).toEqual([{ n: 0 }]);
    expect(world.mail.messages.length).toBe(before);

    await startWorkerProcess(children);
    await startWorkerProcess(children);
    await until(
      'every seat has its reminder sent',
      async () => {
        const current = await rows();
        return current.length === SEATS && current.every((row) => row.status === 'sent');
      },
      240_000,
      250,
    );
    await world.settled({ timeoutMs: 30_000, ignoreJobIds: heldByTheDead });
    // More sweeps with nothing new owed change nothing.
    await sleep(3_000);
    await world.settled({ timeoutMs: 30_000, ignoreJobIds: heldByTheDead });

    expect(await marked()).toEqual([{ n: SEATS }]);
    const final = await rows();
    expect(final.map((row) => row.dedupe_key).sort()).toEqual(session.members.map((m) => keyOf(m.id)).sort());
    const messageIdOf = new Map(final.map((row) => [row.recipient_email, row.message_id]));
    const received = new Map<string, string[]>();
    for (const mail of world.mail.messages.slice(before))
      received.set(mail.to, [...(received.get(mail.to) ?? []), mail.messageId]);
    expect([...received.keys()].sort()).toEqual(session.members.map((m) => m.email).sort());
    for (const [email, ids] of received) expect(ids).toEqual([messageIdOf.get(email)]);
  });
});
