import argon2 from 'argon2';
import { Client } from 'pg';
import { ARGON2_OPTIONS } from '@beacon/identity';
import { apiCaller, forkBenchApi } from './api-call';
import { BENCH_PASSWORD } from './bench-world';
import { load, LoadResult } from './load';

const LEARNER_EMAIL = 'hot-path-learner@beacon.test';
const COHORTS = Number(process.env.BENCH_COHORTS ?? 5);

/**
 * The authenticated hot path: `GET /me/enrollments` (token verify, actor check, the learner's enrollments with
 * their progress) measured side by side with `GET /health/live` (no auth, no database) in the same run, so the
 * ratio says what authentication and the tenant transaction cost on this machine. Prints JSON.
 */
async function run(): Promise<void> {
  const duration = Number(process.env.BENCH_SECONDS ?? 10);
  // The api runs in its own process: the load generator must not share its event loop.
  const api = await forkBenchApi();
  try {
    const token = await learnerWithEnrollments(api.url, api.databaseUrl);
    const auth = { authorization: `Bearer ${token}` };
    const probe = await fetch(`${api.url}/api/v1/me/enrollments`, { headers: auth });
    const body = (await probe.json()) as { items: unknown[] };
    if (probe.status !== 200 || body.items.length !== COHORTS)
      throw new Error(`setup failed: ${probe.status} ${JSON.stringify(body)}`);

    const at = (connections: number, path: string, headers: Record<string, string> = {}) =>
      load({ url: `${api.url}${path}`, headers, connections, duration });
    // Warm both paths (JIT, pool connections, plan caches) before anything is recorded.
    await load({ url: `${api.url}/api/v1/me/enrollments`, headers: auth, connections: 16, duration: 3 });
    const health16 = await at(16, '/health/live');
    const enrollments16 = await at(16, '/api/v1/me/enrollments', auth);
    const enrollments50 = await at(50, '/api/v1/me/enrollments', auth);
    const health50 = await at(50, '/health/live');
    console.log(
      JSON.stringify(
        {
          benchmark: 'hot-path',
          durationSeconds: duration,
          enrollmentsPerLearner: COHORTS,
          connections16: {
            healthLive: health16,
            meEnrollments: enrollments16,
            ratio: round(enrollments16.reqPerSec / health16.reqPerSec),
          },
          connections50: {
            healthLive: health50,
            meEnrollments: enrollments50,
            ratio: round(enrollments50.reqPerSec / health50.reqPerSec),
          },
          targets: {
            ratioAtLeast: 0.35,
            p99At50UnderMs: 100,
            met:
              enrollments16.reqPerSec / health16.reqPerSec >= 0.35 &&
              p99(enrollments50) < 100 &&
              enrollments16.non2xx + enrollments50.non2xx === 0,
          },
        },
        null,
        2,
      ),
    );
  } finally {
    api.child.send('stop');
    await new Promise((done) => api.child.once('exit', done));
  }
}

const round = (value: number) => Math.round(value * 1000) / 1000;
const p99 = (result: LoadResult) => result.latencyMs.p99;

/**
 * An organization with one learner enrolled through `COHORTS` cohorts (made through the API), one module done in
 * each, signed in through the API. The organization and the person are written as the owner: the bench measures
 * reads, not invitations.
 */
async function learnerWithEnrollments(url: string, databaseUrl: string): Promise<string> {
  const owner = new Client({ connectionString: databaseUrl });
  await owner.connect();
  try {
    const hash = await argon2.hash(BENCH_PASSWORD, ARGON2_OPTIONS);
    await owner.query(
      `WITH o AS (INSERT INTO organizations (name, slug, timezone) VALUES ('Hot Path Hospital', 'hot-path', 'America/Chicago') RETURNING id),
            u AS (INSERT INTO users (email, name, password_hash) VALUES ($1, 'Hana Hotpath', $2) RETURNING id)
       INSERT INTO memberships (organization_id, user_id, name, status, roles, joined_at)
       SELECT o.id, u.id, 'Hana Hotpath', 'active', '{org_admin,learner}', now() FROM o, u`,
      [LEARNER_EMAIL, hash],
    );
  } finally {
    await owner.end();
  }
  const call = apiCaller(url);
  const session = await call('POST', '/api/v1/auth/login', null, {
    email: LEARNER_EMAIL,
    password: BENCH_PASSWORD,
  });
  const token = session.accessToken as string;
  const courses = (await call('GET', '/api/v1/courses', token)).items as Array<{ id: string; code: string }>;
  const course = courses.find((c) => c.code === 'HT-101');
  if (!course) throw new Error('HT-101 is not in the catalog');
  for (let i = 0; i < COHORTS; i += 1) {
    await call('POST', '/api/v1/cohorts', token, {
      name: `Hot path ${i + 1}`,
      courseId: course.id,
      target: {},
      dueInDays: 30 + i,
    });
  }
  return token;
}

run().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
