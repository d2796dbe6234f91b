import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { apiCaller, benchOrganization, forkBenchApi } from './api-call';
import { BENCH_EMAIL, BENCH_PASSWORD } from './bench-world';

/**
 * Imports under load: the api runs in a child process; this one posts roster dry runs of BENCH_MB megabytes
 * (default 24) and meanwhile samples the api's RSS (/proc) every 20 ms and calls GET /health/live back to back.
 * First one dry run, then BENCH_PARALLEL (default 4) at once from as many organizations. Prints JSON.
 *   node -r ./test/support/ts-register.js tools/bench/import-load.bench.ts
 */
async function run(): Promise<void> {
  const megabytes = Number(process.env.BENCH_MB ?? 24);
  const parallel = Number(process.env.BENCH_PARALLEL ?? 4);
  const { child, url, databaseUrl } = await forkBenchApi();
  const owner = new Client({ connectionString: databaseUrl });
  await owner.connect();
  try {
    const call = apiCaller(url);
    const platform = await call('POST', '/api/v1/auth/login', null, {
      email: BENCH_EMAIL,
      password: BENCH_PASSWORD,
    });
    const admins: string[] = [];
    for (let index = 0; index < parallel; index += 1) {
      const { adminToken } = await benchOrganization(call, owner, platform.accessToken as string, {
        name: `Load Health ${index}`,
        slug: `load-health-${index}`,
        adminEmail: `load-admin-${index}@beacon.test`,
        adminName: 'Load Admin',
      });
      admins.push(adminToken);
    }

    const lines = ['email,name,employee_id,site,department,job_title,roles'];
    let bytes = 0;
    for (let i = 0; bytes < megabytes * 1024 * 1024; i += 1) {
      const line = `person${i}@bench.test,Person ${i},EMP${i},Main Campus,Emergency,${i % 3 === 0 ? 'RN' : 'Tech'},learner`;
      lines.push(line);
      bytes += line.length + 1;
    }
    const csv = Buffer.from(lines.join('\n'));
    const dryRun = (token: string) =>
      fetch(`${url}/api/v1/members/import?dryRun=true`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
        body: csv,
      }).then(
        async (res) => ({ status: res.status, body: (await res.json()) as Record<string, unknown> }),
        // The api dying under the load (out of memory) resets the connection: reported as status 0.
        (error: Error) => ({ status: 0, body: { error: error.message } }),
      );

    const measure = async (label: string, work: () => Promise<Array<{ status: number }>>) => {
      await new Promise((done) => setTimeout(done, 1_000));
      const rssBefore = rssMb(child.pid as number);
      let rssPeak = rssBefore;
      const sampler = setInterval(() => {
        rssPeak = Math.max(rssPeak, rssMb(child.pid as number));
      }, 20);
      let running = true;
      const latencies: number[] = [];
      const probe = (async () => {
        while (running) {
          const started = performance.now();
          const alive = await fetch(`${url}/health/live`).then(
            (res) => res.ok,
            () => false,
          );
          if (!alive) break;
          latencies.push(performance.now() - started);
          await new Promise((done) => setTimeout(done, 10));
        }
      })();
      const started = performance.now();
      const answers = await work();
      const elapsedMs = Math.round(performance.now() - started);
      running = false;
      await probe;
      clearInterval(sampler);
      latencies.sort((a, b) => a - b);
      return {
        label,
        statuses: answers.map((answer) => answer.status),
        elapsedMs,
        rssMb: { before: rssBefore, peak: rssPeak },
        healthLive: {
          probes: latencies.length,
          p50Ms: round(latencies[Math.floor(latencies.length / 2)] ?? 0),
          maxMs: round(latencies[latencies.length - 1] ?? 0),
        },
      };
    };

    const one = await measure('one dry run', async () => [await dryRun(admins[0])]);
    const several = await measure(`${parallel} dry runs at once`, () => Promise.all(admins.map(dryRun)));
    console.log(
      JSON.stringify(
        { benchmark: 'import-load', csvBytes: csv.length, rows: lines.length - 1, runs: [one, several] },
        null,
        2,
      ),
    );
  } finally {
    await owner.end();
    child.send('stop');
    await new Promise((done) => child.once('exit', done));
  }
}

function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : 0;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

run().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
