import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { JobName, jobOptions, QueueName, redisOptionsFromUrl, SchedulerId } from '@beacon/core/queue';
import { RelayPendingNotificationsJob } from '@beacon/notifications';
import { ReminderSweepJob } from '@beacon/reminders';
import { createWorker } from '../../apps/worker/src/create-worker';
import { killWorkerProcess, startWorkerProcess } from '../../test/support/worker-child';
import { startBenchApi } from './bench-world';
import { type CpuByGroup, cpuPerUnit, cpuSnapshot } from './process-cpu';

const ORGANIZATIONS = Number(process.env.BENCH_ORGANIZATIONS ?? 100);
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 1_000);
/** Organizations swept (and relayed) at once: what as many per-organization jobs on a worker would do. */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 2);
const DELIVER = Number(process.env.BENCH_DELIVER ?? 20_000);
/** Worker processes delivering at once (one per core is how the worker is meant to scale on one machine). */
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
/** Member 1 of each organization is its educator, members 2..MANAGERS+1 its managers, the rest their reports. */
const MANAGERS = 20;

/**
 * The reminder sweep at scale (issue 9). A throwaway database holds ORGANIZATIONS organizations (America/Chicago,
 * reminder window null: nothing is held) of MEMBERS active members, each with one open HT-101 enrollment that owes
 * exactly one learner reminder at the bench's instant. Measured:
 * 1. the first sweep of every organization (decide and write) and the relay of what it wrote to the delivery
 *    queue (paused: nothing is sent meanwhile), BENCH_CONCURRENCY organizations at a time (see `sweepAll`);
 * 2. a second sweep at the same instant, which owes nothing and must write nothing;
 * 3. delivery of BENCH_DELIVER of those reminders by the real worker (a child process) to an SMTP server in this
 *    process that counts and discards.
 * Prints JSON. Run: `npm run bench:reminders` (BENCH_KEEP_DATABASE=1 keeps the database for EXPLAIN).
 */
async function run(): Promise<void> {
  const loadBefore = loadAverage();
  const sink = await startCountingSink();
  Object.assign(process.env, {
    SMTP_URL: sink.url,
    // Read once the fan-out and the send rate limit are merged; set high so the bench measures the pipeline.
    MAIL_RATE_PER_SECOND: process.env.MAIL_RATE_PER_SECOND ?? '10000',
    // The scheduled sweep and outbox poll would run at start-up and compete with the measured ones.
    REMINDER_SWEEP_EVERY: '1d',
    OUTBOX_POLL_EVERY: '1h',
  });
  // The api seeds the catalog (HT-101) at start-up; it also owns the throwaway database and its cleanup.
  const api = await startBenchApi();
  const redis = redisOptionsFromUrl(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const prefix = process.env.QUEUE_PREFIX;
  const notifications = new Queue(QueueName.notifications, { connection: redis, prefix });
  const reminders = new Queue(QueueName.reminders, { connection: redis, prefix });
  const owner = new Client({ connectionString: process.env.DATABASE_URL });
  await owner.connect();
  let worker: INestApplicationContext | null = null;
  try {
    await notifications.pause();
    await reminders.pause();
    const now = new Date();
    const buildStarted = performance.now();
    const organizationIds = await buildWorld(owner, now);
    const buildMs = Math.round(performance.now() - buildStarted);

    worker = await createWorker();
    const sweepJob = worker.get(ReminderSweepJob, { strict: false });
    const relayJob = worker.get(RelayPendingNotificationsJob, { strict: false });

    await owner.query('CHECKPOINT');
    const first = await sweepAll(sweepJob, relayJob, organizationIds, now);
    const written = await countByKind(owner);
    const queued = await notifications.getJobCountByTypes('wait', 'prioritized');

    // The next sweep runs REMINDER_SWEEP_EVERY later, when autovacuum has long visited the rows the first one wrote.
    // Here it would start within a minute, during the measured sweep or not, by chance (2.3-4.7 s against 1.4 s).
    await owner.query('VACUUM (ANALYZE) notifications');
    await owner.query('CHECKPOINT');
    const second = await sweepAll(sweepJob, relayJob, organizationIds, now);
    const writtenAfterSecond = await countByKind(owner);

    await worker.close();
    worker = null;
    const delivery = await deliver(owner, notifications, sink);
    const loadAfter = loadAverage();

    const firstRows = first.reminders + first.digests;
    console.log(
      JSON.stringify(
        {
          benchmark: 'reminders',
          date: new Date().toISOString(),
          organizations: ORGANIZATIONS,
          openEnrollments: ORGANIZATIONS * MEMBERS,
          concurrency: CONCURRENCY,
          reminderWindow: null,
          buildMs,
          firstSweep: {
            sweepMs: first.sweepMs,
            decideAndEnqueueMs: first.enqueuedMs,
            reminders: first.reminders,
            digests: first.digests,
            rowsPerSecond: Math.round(firstRows / (first.sweepMs / 1000)),
            writtenByKind: written,
            slowestOrganizationMs: first.slowestMs,
            relayed: first.relayed,
            jobsQueued: queued,
          },
          secondSweep: {
            secondSweepMs: second.sweepMs,
            rowsWritten: second.reminders + second.digests,
            slowestOrganizationMs: second.slowestMs,
            unchanged: JSON.stringify(writtenAfterSecond) === JSON.stringify(written),
          },
          delivery,
          loadAverage: { before: loadBefore, after: loadAfter },
          targets: {
            decideAndEnqueueUnderMs: 15_000,
            secondSweepUnderMs: 3_000,
            messagesPerSecondAtLeast: 500,
            met:
              first.enqueuedMs < 15_000 &&
              second.sweepMs < 3_000 &&
              second.reminders + second.digests === 0 &&
              delivery.messagesPerSecond >= 500,
          },
        },
        null,
        2,
      ),
    );
  } finally {
    if (worker) await worker.close();
    await owner.end();
    await notifications.close();
    await reminders.close();
    await api.stop();
    await sink.stop();
  }
}

/**
 * The sweep as the per-organization jobs will run it, the one place to swap in the fan-out: `runFor` of each
 * organization at one instant, CONCURRENCY at a time. An organization that wrote mail has it relayed to the queue
 * right after its commit (the worker's relay job, CONCURRENCY at a time too) while the next organizations are swept.
 * `sweepMs` ends with the last commit, `enqueuedMs` once the last row is in the queue.
 */
async function sweepAll(
  sweep: ReminderSweepJob,
  relay: RelayPendingNotificationsJob,
  organizationIds: string[],
  now: Date,
): Promise<{
  sweepMs: number;
  enqueuedMs: number;
  reminders: number;
  digests: number;
  relayed: number;
  slowestMs: number;
}> {
  let reminders = 0;
  let digests = 0;
  let relayed = 0;
  let slowestMs = 0;
  const relays: Array<Promise<void>> = [];
  const relayLane = limit(CONCURRENCY);
  const started = performance.now();
  await eachConcurrently(organizationIds, async (id) => {
    const organizationStarted = performance.now();
    const result = await sweep.runFor(id, now);
    slowestMs = Math.max(slowestMs, performance.now() - organizationStarted);
    reminders += result.reminders;
    digests += result.digests;
    if (result.reminders + result.digests > 0)
      relays.push(
        relayLane(async () => {
          const count = await relay.runFor(id);
          relayed += count;
        }),
      );
  });
  const sweepMs = Math.round(performance.now() - started);
  await Promise.all(relays);
  return {
    sweepMs,
    enqueuedMs: Math.round(performance.now() - started),
    reminders,
    digests,
    relayed,
    slowestMs: Math.round(slowestMs),
  };
}

/** Runs the tasks given to it at most `lanes` at a time. */
function limit(lanes: number): (task: () => Promise<void>) => Promise<void> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    // A finished task hands its lane to the next waiting one, so no newcomer slips in between.
    if (running < lanes) running += 1;
    else await new Promise<void>((go) => waiting.push(go));
    try {
      await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}

async function eachConcurrently(ids: string[], work: (id: string) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < ids.length) await work(ids[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ids.length) }, lane));
}

/**
 * Everything written set-based as the owner (no row security). Each enrollment owes exactly one learner reminder
 * at `now` (default policy: before due 7 and 1 days, overdue every 7, escalate after 14): member number i mod 10
 * 0-4 is due in 12 hours (`due_soon`, offset 1), 5-7 was due 3 days ago (`overdue`), 8-9 was due 20 days ago
 * (`overdue` and an escalation to their manager). The educator and the managers are due soon, so every escalation
 * goes to a manager: ~10 reports a digest, managers' digests daily, weekly and immediate in turn. One member in
 * four reads Spanish.
 */
async function buildWorld(owner: Client, now: Date): Promise<string[]> {
  const course = await owner.query<{ id: string }>(
    `SELECT id FROM courses WHERE code = 'HT-101' AND status = 'published'`,
  );
  if (course.rowCount !== 1) throw new Error('HT-101 is not in the catalog');
  const courseId = course.rows[0].id;
  await owner.query(
    `INSERT INTO organizations (name, slug, timezone, reminder_window)
     SELECT 'Bench Health ' || o, 'bench-' || o, 'America/Chicago', NULL FROM generate_series(1, $1::int) o`,
    [ORGANIZATIONS],
  );
  await owner.query(
    `INSERT INTO sites (organization_id, name, kind)
     SELECT id, 'Main Campus', 'hospital' FROM organizations WHERE slug LIKE 'bench-%'`,
  );
  await owner.query(
    `INSERT INTO cohorts (organization_id, name, course_id, due_in_days)
     SELECT id, 'HT-101 annual', $1::uuid, 30 FROM organizations WHERE slug LIKE 'bench-%'`,
    [courseId],
  );
  await owner.query(
    `CREATE TEMP TABLE bench_people AS
     SELECT o.id AS organization_id, o.slug, i, gen_random_uuid() AS user_id, gen_random_uuid() AS membership_id
       FROM organizations o CROSS JOIN generate_series(1, $1::int) i
      WHERE o.slug LIKE 'bench-%'`,
    [MEMBERS],
  );
  await owner.query(
    `INSERT INTO users (id, email, name, locale, escalation_digest)
     SELECT user_id, p.slug || '-' || i || '@bench.test', 'Member ' || p.slug || '-' || i,
            CASE WHEN i % 4 = 0 THEN 'es' END,
            CASE WHEN i BETWEEN 2 AND $1::int + 1 THEN (ARRAY[NULL, 'weekly', 'immediate'])[1 + i % 3] END
       FROM bench_people p`,
    [MANAGERS],
  );
  await owner.query(
    `INSERT INTO memberships (id, organization_id, user_id, name, status, roles, joined_at, site_id, manager_id)
     SELECT p.membership_id, p.organization_id, p.user_id, 'Member ' || p.slug || '-' || p.i, 'active',
            CASE WHEN p.i = 1 THEN '{org_admin,educator,learner}'::text[]
                 WHEN p.i <= $1::int + 1 THEN '{manager,learner}'::text[]
                 ELSE '{learner}'::text[] END,
            $2::timestamptz - interval '60 days', s.id, mg.membership_id
       FROM bench_people p
       JOIN sites s ON s.organization_id = p.organization_id
       LEFT JOIN bench_people mg ON p.i > $1::int + 1 AND mg.organization_id = p.organization_id
                                AND mg.i = 2 + (p.i / 10) % $1::int`,
    [MANAGERS, now],
  );
  await owner.query(
    `INSERT INTO enrollments (organization_id, cohort_id, membership_id, course_id, status, due_at, enrolled_at)
     SELECT p.organization_id, c.id, p.membership_id, c.course_id, 'not_started',
            $2::timestamptz + CASE WHEN p.i <= $1::int + 1 OR p.i % 10 < 5 THEN interval '12 hours'
                                   WHEN p.i % 10 < 8 THEN interval '-3 days'
                                   ELSE interval '-20 days' END,
            $2::timestamptz - interval '40 days'
       FROM bench_people p JOIN cohorts c ON c.organization_id = p.organization_id`,
    [MANAGERS, now],
  );
  await owner.query('ANALYZE');
  const ids = await owner.query<{ id: string }>(
    `SELECT id FROM organizations WHERE slug LIKE 'bench-%' ORDER BY slug`,
  );
  return ids.rows.map((row) => row.id);
}

async function countByKind(owner: Client): Promise<Record<string, number>> {
  const counted = await owner.query<{ kind: string; count: string }>(
    `SELECT kind, count(*) FROM notifications WHERE organization_id IS NOT NULL GROUP BY kind ORDER BY kind`,
  );
  return Object.fromEntries(counted.rows.map((row) => [row.kind, Number(row.count)]));
}

/**
 * DELIVER pending reminders (an even spread: the first by id) handed to the real worker, started as a child process
 * once the queue holds nothing else; timed from the queue's resume to the last message accepted by the sink.
 */
async function deliver(
  owner: Client,
  notifications: Queue,
  sink: CountingSink,
): Promise<{
  workers: number;
  messages: number;
  totalMs: number;
  messagesPerSecond: number;
  byStatus: Record<string, number>;
  mailRatePerSecond: string;
  cpuMsPerMessage: CpuByGroup;
}> {
  await notifications.drain(true);
  const children: Parameters<typeof startWorkerProcess>[0] = [];
  const workers = [];
  for (let started = 0; started < WORKERS; started++) workers.push(await startWorkerProcess(children));
  const pids = workers.map((worker) => worker.pid);
  try {
    // The worker upserted its outbox poll at start-up: it would relay every other pending row too.
    await notifications.removeJobScheduler(SchedulerId.relayPendingNotifications);
    await notifications.drain(true);
    const picked = await owner.query<{ id: string; organization_id: string }>(
      `SELECT id, organization_id FROM notifications
        WHERE organization_id IS NOT NULL AND status = 'pending' ORDER BY id LIMIT $1`,
      [DELIVER],
    );
    for (let start = 0; start < picked.rows.length; start += 1_000) {
      await notifications.addBulk(
        picked.rows.slice(start, start + 1_000).map((row) => ({
          name: JobName.deliverNotification,
          data: { organizationId: row.organization_id, notificationId: row.id },
          opts: jobOptions(JobName.deliverNotification, row.id),
        })),
      );
    }
    const ids = picked.rows.map((row) => row.id);
    await owner.query('CHECKPOINT');
    sink.reset();
    const cpuBefore = cpuSnapshot(pids);
    const started = performance.now();
    await notifications.resume();
    await waitUntil(
      () => sink.count >= ids.length,
      10 * 60_000,
      () => `${sink.count} of ${ids.length} delivered`,
    );
    const totalMs = Math.round(performance.now() - started);
    const cpuMsPerMessage = cpuPerUnit(cpuBefore, cpuSnapshot(pids), ids.length);
    const byStatus = async () => {
      const counted = await owner.query<{ status: string; count: string }>(
        `SELECT status, count(*) FROM notifications WHERE id = ANY ($1::uuid[]) GROUP BY status ORDER BY status`,
        [ids],
      );
      return Object.fromEntries(counted.rows.map((row) => [row.status, Number(row.count)]));
    };
    let settled = await byStatus();
    const deadline = Date.now() + 30_000;
    while ((settled.pending ?? 0) + (settled.sending ?? 0) > 0 && Date.now() < deadline) {
      await new Promise((done) => setTimeout(done, 200));
      settled = await byStatus();
    }
    return {
      workers: WORKERS,
      messages: sink.count,
      totalMs,
      messagesPerSecond: Math.round(ids.length / (totalMs / 1000)),
      byStatus: settled,
      mailRatePerSecond: process.env.MAIL_RATE_PER_SECOND as string,
      cpuMsPerMessage,
    };
  } finally {
    await Promise.all(workers.map(stopGracefully));
  }
}

async function stopGracefully(child: Awaited<ReturnType<typeof startWorkerProcess>>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const timer = setTimeout(() => void killWorkerProcess(child), 15_000);
  await exited;
  clearTimeout(timer);
}

async function waitUntil(done: () => boolean, timeoutMs: number, state: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${state()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

interface CountingSink {
  url: string;
  count: number;
  reset(): void;
  stop(): Promise<void>;
}

/** An SMTP server that accepts every message, counts it and throws it away: the bench measures the sender. */
async function startCountingSink(): Promise<CountingSink> {
  const sink = { count: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    // A reverse lookup of 127.0.0.1 per connection is the sink's cost, not the sender's.
    disableReverseLookup: true,
    logger: false,
    onData: (stream, _session, callback) => {
      stream.on('end', () => {
        sink.count += 1;
        callback();
      });
      stream.resume();
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    get count() {
      return sink.count;
    },
    reset: () => {
      sink.count = 0;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').trim();
}

run().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
