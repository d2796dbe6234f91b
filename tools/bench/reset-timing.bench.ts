import { Client } from 'pg';
import { forkBenchApi } from './api-call';
import { BENCH_EMAIL } from './bench-world';

/**
 * Does POST /auth/password-reset take longer for an email with an account? BENCH_REQUESTS (default 250) requests
 * for each, interleaved, one at a time, against the api in a child process. The known email's earlier resets are
 * deleted before each of its requests, so each one does the whole work (no hourly limit reached). Prints JSON.
 *   node -r ./test/support/ts-register.js tools/bench/reset-timing.bench.ts
 */
async function run(): Promise<void> {
  const requests = Number(process.env.BENCH_REQUESTS ?? 250);
  const { child, url, databaseUrl } = await forkBenchApi();
  const owner = new Client({ connectionString: databaseUrl });
  await owner.connect();
  try {
    const reset = async (email: string) => {
      const started = performance.now();
      const res = await fetch(`${url}/api/v1/auth/password-reset`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email }),
      });
      await res.arrayBuffer();
      if (res.status !== 202) throw new Error(`password-reset answered ${res.status}`);
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 20; i += 1) await reset(`warm-up-${i}@bench.test`);
    for (let i = 0; i < requests; i += 1) {
      await owner.query('DELETE FROM password_resets');
      // Let the previous request's work (done after its answer) finish, so it does not slow the next one.
      await new Promise((done) => setTimeout(done, 15));
      if (i % 2 === 0) {
        known.push(await reset(BENCH_EMAIL));
        unknown.push(await reset(`nobody-${i}@bench.test`));
      } else {
        unknown.push(await reset(`nobody-${i}@bench.test`));
        known.push(await reset(BENCH_EMAIL));
      }
    }
    const mailed = await owner.query(
      `SELECT count(*)::int AS n FROM notifications WHERE kind = 'password_reset'`,
    );
    console.log(
      JSON.stringify(
        {
          benchmark: 'password-reset-timing',
          requestsEach: requests,
          knownMs: summary(known),
          unknownMs: summary(unknown),
          resetMailsQueued: mailed.rows[0].n,
        },
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

function summary(times: number[]): { median: number; p90: number; mean: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (share: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]);
  return { median: at(0.5), p90: at(0.9), mean: round(times.reduce((a, b) => a + b, 0) / times.length) };
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

run().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
