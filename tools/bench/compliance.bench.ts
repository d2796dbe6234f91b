import argon2 from 'argon2';
import { Client } from 'pg';
import { chainManagersSql, reportingChainSql } from '@beacon/core/database';
import { ARGON2_OPTIONS } from '@beacon/identity';
import { groupCountsStatement } from '@beacon/compliance';
import { currentCycleCte, enrollmentOverdue } from '@beacon/enrollment';
import { apiCaller, forkBenchApi } from './api-call';
import { BENCH_PASSWORD } from './bench-world';
import { load, LoadResult } from './load';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 200_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const ZONE = 'America/Chicago';
/** Departments (10 per site); members are spread evenly, about 1% (every 97th) have no site or department. */
const DEPARTMENTS = 100;
const NOWHERE = '(i > 110 AND i % 97 = 0)';
const ADMIN_EMAIL = 'compliance-admin@bench.test';
/** Member i = 1..100 manages department i - 1; 101..110 are site directors over ten department managers each. */
const DEPARTMENT_MANAGER = 6;
const SITE_DIRECTOR = 101;

/** Deterministic ids, so manager and place references are computed in SQL without joins. */
const id = (kind: string, n: string) => `md5('${kind}' || ${n})::uuid`;
const endOfDay = (date: string) =>
  `((((${date})::date + 1)::timestamp AT TIME ZONE '${ZONE}') - interval '1 millisecond')`;

/**
 * The compliance summary at health-system scale: one organization with 200,000 members and ~1,000,000 enrollments
 * (written set-based as the owner, through the rollup's triggers like any write), then the summary under
 * `CONNECTIONS` concurrent users for each grouping, for a manager with ~2,000 people in their chain, for a site
 * director with ~20,000, and with a due-date range; the raw SQL time of the same questions beside them. Prints JSON.
 */
async function run(): Promise<void> {
  const duration = Number(process.env.BENCH_SECONDS ?? 10);
  const api = await forkBenchApi();
  const owner = new Client({ connectionString: api.databaseUrl });
  await owner.connect();
  try {
    const seeding = await seed(owner);
    const call = apiCaller(api.url);
    const tokenOf = async (email: string) =>
      (await call('POST', '/api/v1/auth/login', null, { email, password: BENCH_PASSWORD }))
        .accessToken as string;
    const admin = await tokenOf(ADMIN_EMAIL);
    const manager = await tokenOf(memberEmail(DEPARTMENT_MANAGER));
    const director = await tokenOf(memberEmail(SITE_DIRECTOR));

    const scenario = async (
      token: string,
      query: string,
    ): Promise<(LoadResult & { enrolled: number }) | { failed: string }> => {
      const path = `/api/v1/compliance/summary?${query}`;
      // A failing scenario is reported, not the end of the run.
      const probe = await call('GET', path, token).catch((error: Error) => ({ failed: error.message }));
      if ('failed' in probe) return { failed: String(probe.failed) };
      const enrolled = (probe.totals as { enrolled: number }).enrolled;
      const url = `${api.url}${path}`;
      const headers = { authorization: `Bearer ${token}` };
      await load({ url, headers, connections: CONNECTIONS, duration: 2 });
      return { enrolled, ...(await load({ url, headers, connections: CONNECTIONS, duration })) };
    };
    // A fresh api process answers at ~2/3 of its later rate for its first half minute under load, while V8
    // optimizes the request path; a production api runs warm, so every question is asked for a while first.
    const warmUpSeconds = Number(process.env.BENCH_WARM_UP_SECONDS ?? 5);
    for (const [token, query] of [
      ...['site', 'department', 'cohort', 'course'].map((grouping) => [admin, `groupBy=${grouping}`]),
      [manager, 'groupBy=site'],
      [director, 'groupBy=department'],
    ])
      await load({
        url: `${api.url}/api/v1/compliance/summary?${query}`,
        headers: { authorization: `Bearer ${token}` },
        connections: CONNECTIONS,
        duration: warmUpSeconds,
      });
    const results: Record<string, unknown> = {};
    for (const grouping of ['site', 'department', 'cohort', 'course'])
      results[`admin groupBy=${grouping}`] = await scenario(admin, `groupBy=${grouping}`);
    results['manager (~2,000 in chain) groupBy=site'] = await scenario(manager, 'groupBy=site');
    results['manager (~2,000 in chain) groupBy=cohort'] = await scenario(manager, 'groupBy=cohort');
    results['site director (~20,000 in chain) groupBy=department'] = await scenario(
      director,
      'groupBy=department',
    );
    results['admin groupBy=site, due 2026-01-01..2026-12-31'] = await scenario(
      admin,
      'groupBy=site&from=2026-01-01&to=2026-12-31',
    );
    const trendPath = '/api/v1/compliance/trend?from=2026-01-01&to=2026-12-31&interval=week';
    const trendStarted = performance.now();
    await call('GET', trendPath, admin);
    const trendMs = Math.round(performance.now() - trendStarted);

    console.log(
      JSON.stringify(
        {
          benchmark: 'compliance-summary',
          durationSeconds: duration,
          connections: CONNECTIONS,
          data: seeding,
          summary: results,
          trendOneYearSingleRequestMs: trendMs,
          rawSqlMs: await rawSql(
            owner,
            api.databaseUrl.replace('postgres@', 'beacon_app@'),
            seeding.organizationId,
          ),
          targets: {
            p95UnderMs: 100,
            met: Object.entries(results)
              .filter(([name]) => !name.includes('director') && !name.includes('due '))
              .every(([, result]) => {
                const r = result as LoadResult;
                return r.latencyMs?.p95 <= 100 && r.non2xx === 0 && r.errors === 0;
              }),
          },
        },
        null,
        2,
      ),
    );
  } finally {
    await owner.end();
    api.child.send('stop');
    await new Promise((done) => api.child.once('exit', done));
  }
}

function memberEmail(n: number): string {
  return `member${n}@bench.test`;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** The organization, its places and people, five cohorts and their enrollments; answers what was written. */
async function seed(owner: Client) {
  const hash = await argon2.hash(BENCH_PASSWORD, ARGON2_OPTIONS);
  const seconds: Record<string, number> = {};
  const step = async (name: string, sql: string, params: unknown[] = []) => {
    seconds[name] = Math.round(await timed(() => owner.query(sql, params))) / 1000;
  };
  const org = await owner.query<{ id: string }>(
    `INSERT INTO organizations (name, slug, timezone) VALUES ('Compliance Bench Health', 'compliance-bench', $1)
     RETURNING id`,
    [ZONE],
  );
  const organizationId = org.rows[0].id;
  const course = await owner.query<{ id: string }>(
    `SELECT id FROM courses WHERE code = 'HT-101' AND status = 'published'`,
  );
  const courseId = course.rows[0].id;
  const p = [organizationId, courseId];
  await step(
    'places',
    `INSERT INTO sites (id, organization_id, name, kind)
     SELECT ${id('s', 's')}, $1, 'Site ' || s, 'hospital' FROM generate_series(0, 9) s;
     INSERT INTO departments (id, organization_id, site_id, name, kind)
     SELECT ${id('d', 'd')}, $1, ${id('s', '(d / 10)')}, 'Department ' || d, 'emergency'
       FROM generate_series(0, ${DEPARTMENTS - 1}) d`.replace(/\$1/g, `'${organizationId}'`),
  );
  await step(
    'users',
    `INSERT INTO users (id, email, name)
     SELECT ${id('u', 'i')}, 'member' || i || '@bench.test', 'Member ' || i FROM generate_series(0, $1::int) i`,
    [MEMBERS],
  );
  // Member 0 is the org_admin; 1..100 department managers, 101..110 site directors; everyone else reports to their
  // department's manager (about 1,960 each), department managers to their site's director.
  await step(
    'memberships',
    `INSERT INTO memberships (id, organization_id, user_id, name, roles, status, site_id, department_id, manager_id,
                              joined_at)
     SELECT ${id('m', 'i')}, $1, ${id('u', 'i')}, 'Member ' || i,
            CASE WHEN i = 0 THEN '{org_admin}'::text[] WHEN i <= 110 THEN '{manager,learner}' ELSE '{learner}' END,
            'active',
            CASE WHEN ${NOWHERE} THEN NULL
                 WHEN i BETWEEN 101 AND 110 THEN ${id('s', '(i - 101)')}
                 WHEN i BETWEEN 1 AND 100 THEN ${id('s', '((i - 1) / 10)')}
                 ELSE ${id('s', '((i % 100) / 10)')} END,
            CASE WHEN ${NOWHERE} OR i BETWEEN 101 AND 110 THEN NULL
                 WHEN i BETWEEN 1 AND 100 THEN ${id('d', '(i - 1)')}
                 ELSE ${id('d', '(i % 100)')} END,
            CASE WHEN i = 0 OR ${NOWHERE} OR i BETWEEN 101 AND 110 THEN NULL
                 WHEN i BETWEEN 1 AND 100 THEN ${id('m', '(101 + (i - 1) / 10)')}
                 ELSE ${id('m', '(1 + i % 100)')} END,
            now()
       FROM generate_series(0, $2::int) i`,
    [organizationId, MEMBERS],
  );
  await owner.query(`UPDATE users SET email = $1 WHERE email = 'member0@bench.test'`, [ADMIN_EMAIL]);
  await owner.query(`UPDATE users SET password_hash = $1 WHERE email = ANY ($2)`, [
    hash,
    [ADMIN_EMAIL, memberEmail(DEPARTMENT_MANAGER), memberEmail(SITE_DIRECTOR)],
  ]);
  // Five cohorts: an annual recurring one (due last March; completions opened next year's cycle, due a year after
  // each completion), a 30-days-after-hire one for 30 departments (hired over the last year), and three with fixed
  // due dates (last year, this year's end, next summer).
  await step(
    'cohorts',
    `INSERT INTO cohorts (id, organization_id, name, course_id, due_date, due_in_days, interval_months)
     VALUES (${id('c', '1')}, $1, 'Annual HT training', $2, '2026-03-31'::date, NULL, 12),
            (${id('c', '2')}, $1, 'New hires, 30 days', $2, NULL, 30, NULL),
            (${id('c', '3')}, $1, 'Year-end refresher', $2, '2026-12-31', NULL, NULL),
            (${id('c', '4')}, $1, 'Last year', $2, '2025-12-31', NULL, NULL),
            (${id('c', '5')}, $1, 'Next summer', $2, '2027-06-30', NULL, NULL)`,
    p,
  );
  await step(
    'cohort targets',
    `INSERT INTO cohort_targets (organization_id, cohort_id, department_id)
     SELECT $1, ${id('c', '2')}, ${id('d', 'd')} FROM generate_series(0, 29) d`,
    [organizationId],
  );
  // Statuses by a hash of (member, cohort): 55% completed, 15% in progress, 25% not started, 3% exempt, 2% withdrawn.
  const status = `(CASE WHEN h < 55 THEN 'completed' WHEN h < 70 THEN 'in_progress'
      WHEN h < 95 THEN 'not_started' WHEN h < 98 THEN 'exempt' ELSE 'withdrawn' END)`;
  const enroll = (k: number, members: string, due: string, enrolled: string) =>
    `INSERT INTO enrollments (organization_id, cohort_id, membership_id, course_id, cycle, status, due_at,
                              enrolled_at, started_at, completed_at)
     SELECT $1, ${id('c', `'${k}'`)}, ${id('m', 'i')}, $2, 1, st, due, enrolled,
            CASE WHEN st IN ('completed', 'in_progress') THEN enrolled END,
            CASE WHEN st = 'completed' THEN least(due - interval '1 day' * (h % 20), now()) END
       FROM (SELECT i, h, ${status} AS st, ${due} AS due, ${enrolled} AS enrolled
               FROM (SELECT i, abs(hashtext(i || '-${k}')) % 100 AS h FROM ${members}) x) y`;
  const everyone = `generate_series(0, ${MEMBERS}) i`;
  await step(
    'enrollments annual',
    enroll(1, everyone, endOfDay(`'2026-03-31'`), `'2026-01-05'::timestamptz`),
    p,
  );
  await step(
    'enrollments annual, next cycle',
    `INSERT INTO enrollments (organization_id, cohort_id, membership_id, course_id, cycle, status, due_at, enrolled_at)
     SELECT organization_id, cohort_id, membership_id, course_id, 2, 'not_started',
            ${endOfDay(`(completed_at AT TIME ZONE '${ZONE}')::date + interval '12 months'`)}, completed_at
       FROM enrollments WHERE cohort_id = ${id('c', `'1'`)} AND status = 'completed'`,
  );
  await step(
    'enrollments new hires',
    enroll(
      2,
      `generate_series(0, ${MEMBERS}) i WHERE i % 100 < 30 AND NOT ${NOWHERE}`,
      endOfDay(`(now() AT TIME ZONE '${ZONE}')::date - (abs(hashtext(i || 'hired')) % 365) + 30`),
      `now() - interval '1 day' * (abs(hashtext(i || 'hired')) % 365)`,
    ),
    p,
  );
  await step(
    'enrollments year-end',
    enroll(3, everyone, endOfDay(`'2026-12-31'`), `'2026-09-01'::timestamptz`),
    p,
  );
  await step(
    'enrollments last year',
    enroll(4, everyone, endOfDay(`'2025-12-31'`), `'2025-09-01'::timestamptz`),
    p,
  );
  await step(
    'enrollments next summer',
    enroll(5, everyone, endOfDay(`'2027-06-30'`), `'2026-11-01'::timestamptz`),
    p,
  );
  // Measured at rest: the vacuum sets the visibility map and hint bits of the million rows just written, and the
  // checkpoint flushes them, instead of the first scenarios paying for both.
  await step('vacuum analyze', 'VACUUM (ANALYZE)');
  await step('checkpoint', 'CHECKPOINT');
  const counts = await owner.query<{
    enrollments: number;
    rollups: number;
    bases: number;
    chain: number;
    director_chain: number;
  }>(
    `SELECT (SELECT count(*) FROM enrollments)::int AS enrollments,
            (SELECT count(*) FROM compliance_rollups)::int AS rollups,
            (SELECT count(*) FROM compliance_rollup_bases)::int AS bases,
            (SELECT count(*) FROM memberships WHERE manager_id = ${id('m', `'${DEPARTMENT_MANAGER}'`)})::int AS chain,
            (SELECT count(*) FROM memberships m JOIN memberships d ON d.id = m.manager_id
              WHERE d.manager_id = ${id('m', `'${SITE_DIRECTOR}'`)})::int + 10 AS director_chain`,
  );
  return {
    organizationId,
    members: MEMBERS + 1,
    enrollments: counts.rows[0].enrollments,
    rollupRows: counts.rows[0].rollups,
    baseRows: counts.rows[0].bases,
    managerChain: counts.rows[0].chain,
    directorChain: counts.rows[0].director_chain,
    seedSeconds: seconds,
  };
}

/** Median milliseconds of the same questions in plain SQL, as the app role: the rollup, and a GROUP BY without it. */
async function rawSql(owner: Client, appUrl: string, organizationId: string) {
  const client = new Client({ connectionString: appUrl });
  await client.connect();
  const median = async (runs: number, sql: string, params: unknown[]) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.organization_id', $1, true)`, [organizationId]);
      times.push(await timed(() => client.query(sql, params)));
      await client.query('ROLLBACK');
    }
    times.sort((a, b) => a - b);
    return Math.round(times[Math.floor(times.length / 2)] * 100) / 100;
  };
  const now = new Date();
  const manager = (await owner.query(`SELECT ${id('m', `'${DEPARTMENT_MANAGER}'`)} AS id`)).rows[0].id;
  /** The managers of the chain, the manager included: the rollup's manager keys the api reads. */
  const chainOf = (param: string) => `ARRAY${chainManagersSql(param)}`;
  const summary = groupCountsStatement('site', {}, {}, now, null, organizationId);
  const managerSummary = groupCountsStatement('site', {}, {}, now, manager, organizationId);
  try {
    return {
      // The statements the api runs (the organization's, and the manager's over their chain's managers).
      rollupBySite: await median(21, summary.sql, summary.params),
      groupByBySite: await median(
        3,
        `WITH ${currentCycleCte('true', '$1')}
         SELECT m.site_id, count(*), count(*) FILTER (WHERE cc.status = 'completed'),
                count(*) FILTER (WHERE ${enrollmentOverdue('$1', 'cc')})
           FROM current_cycle cc JOIN memberships m ON m.id = cc.membership_id GROUP BY 1`,
        [now],
      ),
      managerChainGroupByBySite: await median(
        11,
        `WITH ${currentCycleCte(`e.membership_id = ANY (ARRAY${reportingChainSql('$2')})`, '$1')}
         SELECT m.site_id, count(*), count(*) FILTER (WHERE ${enrollmentOverdue('$1', 'cc')})
           FROM current_cycle cc JOIN memberships m ON m.id = cc.membership_id GROUP BY 1`,
        [now, manager],
      ),
      managerChainRollupBySite: await median(21, managerSummary.sql, managerSummary.params),
      managerChainWalk: await median(21, `SELECT cardinality(${chainOf('$1')})`, [manager]),
      // The walk through every person of the chain, which the managers' walk replaced.
      personChainWalk: await median(21, `SELECT cardinality(ARRAY${reportingChainSql('$1')})`, [manager]),
    };
  } finally {
    await client.end();
  }
}

run().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
