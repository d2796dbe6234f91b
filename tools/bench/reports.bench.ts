import { readFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { JobName, jobOptions, QueueName } from '@beacon/core/queue';
import { killAll, startWorkerProcess } from '../../test/support/worker-child';
import { benchQueue, pausedBenchQueues, startBenchApi } from './bench-world';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 200_000);
const COHORTS = Number(process.env.BENCH_COHORTS ?? 5);
const FORMATS = (process.env.BENCH_FORMATS ?? 'csv,xlsx').split(',') as Array<'csv' | 'xlsx'>;
/** `dist`: the worker compiled (`npm run build:api` first), as `npm run start:worker` runs it; else from sources. */
const COMPILED = process.env.BENCH_WORKER === 'dist';

/**
 * Report exports at health-system scale (issue 11 item 3). A throwaway database holds one organization of
 * BENCH_MEMBERS members in 10 sites and 50 departments, each enrolled in BENCH_COHORTS cohorts (1,000,000
 * enrollments by default, a mix of statuses, some overdue), written with INSERT … SELECT as the owner. For each
 * format, a fresh worker process (so its peak RSS is that report's) builds the organization-wide compliance report:
 * its export process (forked by the worker for the run) streams rows from a cursor to STORAGE_DIR. Measured: rows,
 * the run's time from claim to ready, rows/s, the file's size, and the resident memory of the worker and of its
 * export process, sampled every 50 ms from /proc: each one's peak and the peak of their sum. Prints JSON. Run: `npm run bench:reports`; the worker compiled:
 * `npm run build:api && BENCH_WORKER=dist npm run bench:reports`.
 */
async function run(): Promise<void> {
  const loadBefore = loadAverage();
  Object.assign(process.env, {
    STORAGE_DIR: process.env.STORAGE_DIR ?? `/tmp/beacon-bench-reports-${process.pid}`,
    // The recurring jobs would only compete with the measured export.
    REPORT_SWEEP_EVERY: '1d',
    REMINDER_SWEEP_EVERY: '1d',
    OUTBOX_POLL_EVERY: '1h',
  });
  // The api seeds the catalog (HT-101) at start-up; it also owns the throwaway database and its cleanup.
  const api = await startBenchApi();
  const owner = new Client({ connectionString: process.env.DATABASE_URL });
  await owner.connect();
  const queue = benchQueue(QueueName.reports);
  // A job scheduler's first job runs at once, whatever its interval: each worker started below would sweep this
  // organization's reminders (hundreds of thousands overdue) and mail them while the report runs. Those queues are
  // paused for the bench, as startBenchWorker pauses delivery.
  const quiet = await pausedBenchQueues([QueueName.reminders, QueueName.notifications, QueueName.outbox]);
  const children: ChildProcess[] = [];
  try {
    const buildStarted = performance.now();
    const { organizationId, adminId } = await buildWorld(owner);
    const buildMs = Math.round(performance.now() - buildStarted);
    await owner.query('VACUUM (ANALYZE)');
    await owner.query('CHECKPOINT');

    const results = [];
    for (const format of FORMATS) {
      const worker = await startWorkerProcess(children, { compiled: COMPILED });
      // Its footprint before any report is beside (from the TypeScript sources, it holds swc in-process too).
      const idleRssMegabytes = rssMegabytes(worker.pid as number, 'VmRSS');
      const [{ id }] = (
        await owner.query<{ id: string }>(
          `INSERT INTO reports (organization_id, requested_by, type, format, created_at)
           VALUES ($1, $2, 'compliance', $3, now()) RETURNING id`,
          [organizationId, adminId, format],
        )
      ).rows;
      await queue.add(
        JobName.buildReport,
        { organizationId, reportId: id },
        jobOptions(JobName.buildReport, `report-${id}`),
      );
      const sampler = sampleMemory(worker.pid as number);
      const report = await finished(owner, id);
      const memory = sampler.stop();
      const ms = Date.parse(report.finished_at) - Date.parse(report.started_at);
      results.push({
        format,
        status: report.status,
        error: report.error,
        rows: report.row_count,
        ms,
        rowsPerSecond: Math.round((report.row_count / ms) * 1000),
        fileMegabytes: Math.round(Number(report.file_size) / 1024 / 102.4) / 10,
        workerIdleRssMegabytes: idleRssMegabytes,
        workerPeakRssMegabytes: rssMegabytes(worker.pid as number, 'VmHWM'),
        workerAtExportStartMegabytes: memory.workerAtExportStart,
        workerPeakDuringExportMegabytes: memory.workerPeakDuringExport,
        exportPeakRssMegabytes: memory.exportPeak,
        peakSumRssMegabytes: memory.sumPeak,
        exportCpuMs: memory.exportCpuMs,
        exportProcesses: memory.exportPids.length,
        loadAfter: loadAverage(),
      });
      worker.kill('SIGTERM');
      await new Promise((resolve) => worker.once('exit', resolve));
    }
    console.log(
      JSON.stringify(
        {
          worker: COMPILED ? 'dist' : 'sources',
          members: MEMBERS,
          enrollments: MEMBERS * COHORTS,
          buildMs,
          results,
          loadAverage: { before: loadBefore, after: loadAverage() },
        },
        null,
        2,
      ),
    );
  } finally {
    killAll(children);
    await Promise.all([queue, ...quiet].map((open) => open.close()));
    await owner.end();
    await api.stop();
  }
}

/** One organization with its admin, places, members and enrollments; written directly (RLS is the owner's to skip). */
async function buildWorld(owner: Client): Promise<{ organizationId: string; adminId: string }> {
  const [{ id: organizationId }] = (
    await owner.query<{ id: string }>(
      `INSERT INTO organizations (name, slug, timezone) VALUES ('Bench Health', 'bench-health', 'America/Chicago')
       RETURNING id`,
    )
  ).rows;
  await owner.query(
    `INSERT INTO sites (organization_id, name, kind)
     SELECT $1, 'Site ' || n, 'hospital' FROM generate_series(1, 10) n`,
    [organizationId],
  );
  await owner.query(
    `INSERT INTO departments (organization_id, site_id, name, kind)
     SELECT $1, s.id, s.name || ' department ' || n, 'emergency'
       FROM sites s, generate_series(1, 5) n WHERE s.organization_id = $1`,
    [organizationId],
  );
  await owner.query(
    `WITH people AS (
       INSERT INTO users (email, name)
       SELECT 'bench-member-' || n || '@bench.test', 'Member ' || n FROM generate_series(1, $2::int) n
       RETURNING id, name),
     places AS (
       SELECT d.id AS department_id, d.site_id, row_number() OVER (ORDER BY d.id) - 1 AS slot
         FROM departments d WHERE d.organization_id = $1)
     INSERT INTO memberships (organization_id, user_id, roles, status, name, joined_at, site_id, department_id,
                              job_title, employee_id)
     SELECT $1, p.id, '{learner}', 'active', p.name, now(), pl.site_id, pl.department_id, 'Nurse',
            'E-' || substr(p.name, 8)
       FROM people p JOIN places pl ON pl.slot = (hashtext(p.name) & 2147483647) % 50`,
    [organizationId, MEMBERS],
  );
  const [{ id: adminId }] = (
    await owner.query<{ id: string }>(
      `WITH admin AS (INSERT INTO users (email, name) VALUES ('bench-admin@bench.test', 'Bench Admin') RETURNING id)
       INSERT INTO memberships (organization_id, user_id, roles, status, name, joined_at)
       SELECT $1, id, '{org_admin}', 'active', 'Bench Admin', now() FROM admin RETURNING id`,
      [organizationId],
    )
  ).rows;
  await owner.query(
    `INSERT INTO cohorts (organization_id, name, course_id, due_date)
     SELECT $1, 'Cohort ' || n, (SELECT id FROM courses WHERE code = 'HT-101' AND status = 'published'),
            current_date + (n * 30 - 60)
       FROM generate_series(1, $2::int) n`,
    [organizationId, COHORTS],
  );
  await owner.query(
    `INSERT INTO enrollments (organization_id, cohort_id, membership_id, course_id, status, due_at, completed_at)
     SELECT $1, c.id, m.id, c.course_id, s.status, c.due_date::timestamptz,
            CASE WHEN s.status = 'completed' THEN now() - interval '3 days' END
       FROM cohorts c
       JOIN memberships m ON m.organization_id = c.organization_id AND 'learner' = ANY (m.roles)
       CROSS JOIN LATERAL (SELECT (ARRAY['not_started', 'in_progress', 'completed', 'completed', 'exempt'])
                                  [1 + (hashtext(m.id::text || c.id::text) & 2147483647) % 5] AS status) s
      WHERE c.organization_id = $1`,
    [organizationId],
  );
  return { organizationId, adminId };
}

interface ReportRow {
  status: string;
  error: string | null;
  row_count: number;
  file_size: string;
  started_at: string;
  finished_at: string;
}

async function finished(owner: Client, id: string): Promise<ReportRow> {
  for (;;) {
    const { rows } = await owner.query<ReportRow>(
      `SELECT status, error, row_count, file_size, started_at::text, finished_at::text FROM reports WHERE id = $1`,
      [id],
    );
    if (rows[0]?.status === 'ready' || rows[0]?.status === 'failed') return rows[0];
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The process's resident set now (VmRSS) or at its peak (VmHWM), in MB. */
function rssMegabytes(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 102.4) / 10 : Number.NaN;
}

/** `rssMegabytes`, or 0 for a process that has exited meanwhile (a zombie's status has no memory lines). */
function rssIfAlive(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    return rssMegabytes(pid, field) || 0;
  } catch {
    return 0;
  }
}

/** The worker's children now (its export process while a report runs). */
function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** CPU time (user + system, ms) the process has used so far, or 0 once it has exited. */
function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th, in 1/100 s.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

interface MemorySamples {
  /** The worker's RSS when its export process was first seen, and its peak while one ran. */
  workerAtExportStart: number;
  workerPeakDuringExport: number;
  /** The export processes' own peak (their VmHWM as last read: a child's peak is gone with it). */
  exportPeak: number;
  /** The peak of the worker's and its export process's RSS together. */
  sumPeak: number;
  /** The export processes' CPU time as last read. */
  exportCpuMs: number;
  exportPids: number[];
}

/** Samples the worker and its children (its export process while a report runs) every 50 ms until stopped. */
function sampleMemory(workerPid: number): { stop(): MemorySamples } {
  const samples: MemorySamples = {
    workerAtExportStart: 0,
    workerPeakDuringExport: 0,
    exportPeak: 0,
    sumPeak: 0,
    exportCpuMs: 0,
    exportPids: [],
  };
  const cpu = new Map<number, number>();
  const sample = () => {
    const pids = childPids(workerPid);
    if (pids.length === 0) return;
    const worker = rssIfAlive(workerPid, 'VmRSS');
    let children = 0;
    for (const pid of pids) {
      if (!samples.exportPids.includes(pid)) samples.exportPids.push(pid);
      children += rssIfAlive(pid, 'VmRSS');
      samples.exportPeak = Math.max(samples.exportPeak, rssIfAlive(pid, 'VmHWM'));
      cpu.set(pid, Math.max(cpu.get(pid) ?? 0, cpuMs(pid)));
    }
    if (samples.workerAtExportStart === 0) samples.workerAtExportStart = worker;
    samples.workerPeakDuringExport = Math.max(samples.workerPeakDuringExport, worker);
    samples.sumPeak = Math.max(samples.sumPeak, Math.round((worker + children) * 10) / 10);
  };
  const timer = setInterval(sample, 50);
  return {
    stop() {
      clearInterval(timer);
      samples.exportCpuMs = [...cpu.values()].reduce((sum, ms) => sum + ms, 0);
      return samples;
    },
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
