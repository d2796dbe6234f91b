import { ARGON2_OPTIONS } from '@beacon/identity';
import { BENCH_EMAIL, BENCH_PASSWORD, startBenchApi } from './bench-world';
import { load } from './load';

/**
 * Login latency and throughput (argon2id verify + session issue) and an authenticated read (token verify + one
 * RLS transaction), against a real api on this machine. Prints JSON.
 */
async function run(): Promise<void> {
  const duration = Number(process.env.BENCH_SECONDS ?? 10);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 4);
  const api = await startBenchApi();
  try {
    const login = await load({
      url: `${api.url}/api/v1/auth/login`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: BENCH_EMAIL, password: BENCH_PASSWORD }),
      connections,
      duration,
    });
    const session = (await (
      await fetch(`${api.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: BENCH_EMAIL, password: BENCH_PASSWORD }),
      })
    ).json()) as { accessToken: string };
    const me = await load({
      url: `${api.url}/api/v1/me`,
      headers: { authorization: `Bearer ${session.accessToken}` },
      connections: 16,
      duration,
    });
    console.log(
      JSON.stringify(
        {
          benchmark: 'login',
          argon2: {
            type: 'argon2id',
            memoryKiB: ARGON2_OPTIONS.memoryCost,
            iterations: ARGON2_OPTIONS.timeCost,
            parallelism: 1,
          },
          durationSeconds: duration,
          login: { connections, ...login },
          authenticatedMe: { connections: 16, ...me },
        },
        null,
        2,
      ),
    );
  } finally {
    await api.stop();
  }
}

run().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
