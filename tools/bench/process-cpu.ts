import { readdirSync, readFileSync } from 'node:fs';

/** CPU time (user + system, ms) per process group, read from /proc: where a benchmark's CPU went across processes. */
export type CpuByGroup = Record<string, number>;

const TICKS_PER_SECOND = 100;

/**
 * Groups: `worker` (the given pids together), `bench` (this process: the SMTP sink and the driver), PostgreSQL per cluster
 * (from the process title): its client backends together, each background process kind (walwriter, autovacuum
 * worker, …) apart; `redis`. Other processes are left out: helpers and editors on the
 * same machine would only blur the figures.
 */
export function cpuSnapshot(workerPids: readonly (number | undefined)[]): CpuByGroup {
  const groups: CpuByGroup = {};
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    let stat: string;
    let cmdline: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    } catch {
      continue; // exited meanwhile
    }
    const group = workerPids.includes(pid)
      ? 'worker'
      : pid === process.pid
        ? 'bench'
        : cmdline.startsWith('postgres: ')
          ? postgresGroup(cmdline)
          : cmdline.startsWith('redis-server')
            ? 'redis'
            : null;
    if (!group) continue;
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    groups[group] = (groups[group] ?? 0) + (ticks * 1000) / TICKS_PER_SECOND;
  }
  return groups;
}

/** CPU ms per unit of work between two snapshots, per group (a process that ended between them is not counted). */
export function cpuPerUnit(before: CpuByGroup, after: CpuByGroup, units: number): CpuByGroup {
  const result: CpuByGroup = {};
  for (const [group, ms] of Object.entries(after)) {
    const spent = ms - (before[group] ?? 0);
    if (spent > 0) result[group] = Math.round((spent / units) * 1000) / 1000;
  }
  return result;
}

/** `postgres: 15/main: beacon_app db 127.0.0.1(5123) idle` is a client backend; `postgres: 15/main: walwriter ` not. */
function postgresGroup(title: string): string {
  const [, cluster = '', rest = ''] = /^postgres: ([^:]+): (.*)$/.exec(title.trim()) ?? [];
  if (/\(\d+\)/.test(rest) || rest.includes('[local]')) return `postgres ${cluster} backends`;
  return `postgres ${cluster} ${rest.replace(/ .*$/, '') || 'postmaster'}`;
}
