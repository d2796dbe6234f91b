import { Client } from 'pg';
import { apiCaller, benchOrganization } from './api-call';
import { BENCH_EMAIL, BENCH_PASSWORD, startBenchApi, startBenchWorker } from './bench-world';

/**
 * Roster import end to end: a CSV of ROWS new members (default 100,000) posted to /members/import into an
 * organization with a site, a department and a cohort that targets it, so the run includes the members, their
 * invitations, their enrollments and both mails in the outbox. A file larger than IMPORT_BATCH_SIZE is followed up
 * by the worker (started here too): the figures are the answer to the request (members committed) and the moment
 * the worker has written every invitation, enrollment and mail. Then the same file again, and a second cohort that
 * enrolls everyone in its own request. Mail delivery is paused so that it measures the writes, not SMTP. Prints
 * JSON.
 */
async function run(): Promise<void> {
  const rows = Number(process.env.BENCH_ROWS ?? 100_000);
  const api = await startBenchApi();
  const worker = await startBenchWorker();
  const owner = new Client({ connectionString: process.env.DATABASE_URL });
  await owner.connect();
  try {
    const call = apiCaller(api.url);
    const platform = await call('POST', '/api/v1/auth/login', null, {
      email: BENCH_EMAIL,
      password: BENCH_PASSWORD,
    });
    const { id: organizationId, adminToken } = await benchOrganization(
      call,
      owner,
      platform.accessToken as string,
      {
        name: 'Bench Health',
        slug: 'bench-health',
        adminEmail: 'bench-admin@beacon.test',
        adminName: 'Bench Admin',
      },
    );
    const courses = await call('GET', '/api/v1/courses', adminToken);
    const courseId = (courses.items as Array<{ id: string }>)[0].id;
    // BENCH_COHORT=0 measures the import without enrollments (no cohort matches the new members).
    const withCohort = process.env.BENCH_COHORT !== '0';
    if (withCohort) {
      await call('POST', '/api/v1/cohorts', adminToken, {
        name: 'Everyone',
        courseId,
        target: {},
        dueInDays: 30,
      });
    }

    const lines = ['email,name,employee_id,site,department,job_title,roles'];
    for (let i = 0; i < rows; i += 1) {
      lines.push(
        `person${i}@bench.test,Person ${i},EMP${i},Main Campus,Emergency,${i % 3 === 0 ? 'RN' : 'Tech'},learner`,
      );
    }
    const csv = lines.join('\n');
    // Start from a quiet disk: dirty pages of the setup (and of an earlier run) are written out first, as pgbench
    // does, so the figure is the import's own and not a checkpoint's. Needs a role allowed to CHECKPOINT.
    await owner.query('CHECKPOINT').catch((error: Error) => console.error(`no CHECKPOINT: ${error.message}`));
    const started = performance.now();
    const res = await fetch(`${api.url}/api/v1/members/import`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${adminToken}` },
      body: csv,
    });
    const result = (await res.json()) as Record<string, unknown>;
    const elapsedMs = Math.round(performance.now() - started);
    for (;;) {
      const pending = await owner.query(
        'SELECT count(*)::int AS n FROM member_imports WHERE organization_id = $1 AND finished_at IS NULL',
        [organizationId],
      );
      if (pending.rows[0].n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const followedUpMs = Math.round(performance.now() - started);
    const counts = await owner.query(
      `SELECT (SELECT count(*) FROM memberships WHERE organization_id = $1)::int AS members,
              (SELECT count(*) FROM enrollments WHERE organization_id = $1)::int AS enrollments,
              (SELECT count(*) FROM notifications WHERE organization_id = $1 AND kind = 'invitation')::int AS invitations,
              (SELECT count(*) FROM notifications WHERE organization_id = $1 AND kind = 'assignment_created')::int AS assignments`,
      [organizationId],
    );
    const again = performance.now();
    const second = (await (
      await fetch(`${api.url}/api/v1/members/import`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${adminToken}` },
        body: csv,
      })
    ).json()) as Record<string, unknown>;
    const reimportMs = Math.round(performance.now() - again);
    // A cohort created after the import enrolls every member in its own request (and owes each a mail).
    const cohortStarted = performance.now();
    const cohort = await call('POST', '/api/v1/cohorts', adminToken, {
      name: 'Everyone, later',
      courseId,
      target: {},
      dueInDays: 60,
    });
    const cohortMs = Math.round(performance.now() - cohortStarted);
    console.log(
      JSON.stringify(
        {
          benchmark: 'member-import',
          rows,
          withCohort,
          csvBytes: Buffer.byteLength(csv),
          status: res.status,
          result,
          elapsedMs,
          followedUpMs,
          written: counts.rows[0],
          reimport: { result: second, elapsedMs: reimportMs },
          cohortForEveryone: { enrolledCount: cohort.enrolledCount, elapsedMs: cohortMs },
        },
        null,
        2,
      ),
    );
  } finally {
    await owner.end();
    await worker.stop();
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
