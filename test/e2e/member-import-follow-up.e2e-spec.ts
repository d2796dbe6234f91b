import type { ChildProcess } from 'node:child_process';
import { Queue } from 'bullmq';
import { JobName, QueueName, redisOptionsFromUrl } from '@beacon/core/queue';
import { NotificationRelay } from '@beacon/notifications';
import { FollowUpMemberImportJob } from '@beacon/organizations';
import { createWorker } from '../../apps/worker/src/create-worker';
import { createDepartment, createDepartmentCohort, createSite, findHt101 } from '../support/learning';
import { isInvitation } from '../support/mail-sink';
import { bearer, TestApp, TestOrganization } from '../support/test-app';
import { until } from '../support/waiting';
import { killAll, killWorkerProcess, startWorkerProcess } from '../support/worker-child';

/**
 * A roster import that changes more members than IMPORT_BATCH_SIZE commits its members in the request and leaves
 * their invitations and enrollments to the worker, batch by batch (API.md "members/import", DESIGN.md "Jobs").
 * This suite uses batches of 5 so that a dozen rows take the worker's path.
 */

const BATCH = 5;

jest.setTimeout(90_000);

interface ImportRecord {
  id: string;
  processed: number;
  total: number;
  created_count: number;
  finished: boolean;
}

describe('large roster imports, followed up by the worker', () => {
  let world: TestApp;
  let org: TestOrganization;
  let queue: Queue;
  let siteId: string;
  let cohortId: string;
  const children: ChildProcess[] = [];
  let fileCounter = 0;

  beforeAll(async () => {
    world = await TestApp.start({ env: { IMPORT_BATCH_SIZE: String(BATCH) } });
    queue = new Queue(QueueName.members, {
      connection: redisOptionsFromUrl(process.env.REDIS_URL as string),
      prefix: world.queuePrefix,
    });
    org = await world.createOrganization('Follow Up General');
    siteId = await createSite(world, org.admin, 'Main Campus');
    const emergency = await createDepartment(world, org.admin, siteId, 'Emergency');
    await createDepartment(world, org.admin, siteId, 'Laboratory', 'other');
    const course = await findHt101(world, org.admin);
    cohortId = (await createDepartmentCohort(world, org.admin, course.id, emergency, 'ED staff')).id;
  });

  afterAll(async () => {
    killAll(children);
    await queue?.close();
    await world?.stop();
  });

  /** A file of `count` new people (unique to this call) in a department of Main Campus. */
  function roster(count: number, department: string): { csv: string; emails: string[] } {
    fileCounter += 1;
    const emails = Array.from({ length: count }, (_, i) => `file${fileCounter}-person${i}@import.test`);
    const lines = emails.map((email, i) => `${email},Person ${fileCounter}-${i},Main Campus,${department}`);
    return { csv: ['email,name,site,department', ...lines].join('\n'), emails };
  }

  const importCsv = (csv: string) =>
    world
      .http()
      .post('/api/v1/members/import')
      .set(...bearer(org.admin))
      .set('Content-Type', 'text/csv')
      .send(csv);

  const newestImport = async (): Promise<ImportRecord> => {
    const [row] = await world.ownerQuery<ImportRecord>(
      `SELECT id, processed, cardinality(member_ids) AS total, created_count, finished_at IS NOT NULL AS finished
         FROM member_imports WHERE organization_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [org.id],
    );
    return row;
  };

  const importRecord = async (id: string): Promise<ImportRecord> => {
    const [row] = await world.ownerQuery<ImportRecord>(
      `SELECT id, processed, cardinality(member_ids) AS total, created_count, finished_at IS NOT NULL AS finished
         FROM member_imports WHERE id = $1`,
      [id],
    );
    return row;
  };

  const finished = (id: string, timeoutMs = 20_000) =>
    until(`import ${id} is followed up`, async () => (await importRecord(id)).finished, timeoutMs);

  /** Per person of the file: memberships, invitations, invitation mails owed, enrollments, assignment mails owed. */
  const writtenFor = (emails: string[]) =>
    world.ownerQuery<{
      email: string;
      status: string;
      invitations: number;
      invitation_mails: number;
      enrollments: number;
      assignment_mails: number;
    }>(
      `SELECT u.email, m.status,
              (SELECT count(*)::int FROM invitations i WHERE i.membership_id = m.id) AS invitations,
              (SELECT count(*)::int FROM notifications n
                WHERE n.recipient_user_id = u.id AND n.organization_id = m.organization_id
                  AND n.kind = 'invitation') AS invitation_mails,
              (SELECT count(*)::int FROM enrollments e WHERE e.membership_id = m.id) AS enrollments,
              (SELECT count(*)::int FROM notifications n
                WHERE n.recipient_user_id = u.id AND n.organization_id = m.organization_id
                  AND n.kind = 'assignment_created') AS assignment_mails
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.organization_id = $1 AND u.email = ANY ($2)
        ORDER BY u.email`,
      [org.id, emails],
    );

  const everyoneOnce = (emails: string[], enrolled: boolean) =>
    [...emails].sort().map((email) => ({
      email,
      status: 'invited',
      invitations: 1,
      invitation_mails: 1,
      enrollments: enrolled ? 1 : 0,
      assignment_mails: enrolled ? 1 : 0,
    }));

  it('commits the members in the request, then has the worker invite and enroll them, a batch per transaction', async () => {
    const { csv, emails } = roster(12, 'Emergency');
    const res = await importCsv(csv).expect(200);
    expect(res.body).toEqual({ created: 12, updated: 0, unchanged: 0, invited: 12, dryRun: false });

    // The members are there as soon as the request has answered…
    const listed = await world
      .http()
      .get('/api/v1/members?limit=200')
      .set(...bearer(org.admin))
      .expect(200);
    const listedEmails = (listed.body.items as Array<{ email: string }>).map((m) => m.email);
    expect(listedEmails).toEqual(expect.arrayContaining(emails));

    // …and the worker follows them up from a durable record of the import: created members first.
    const record = await newestImport();
    expect(record).toMatchObject({ total: 12, created_count: 12 });
    await finished(record.id);
    expect(await importRecord(record.id)).toMatchObject({ processed: 12, finished: true });

    // Every member got exactly one invitation and one enrollment in the ED cohort, each with its one mail…
    expect(await writtenFor(emails)).toEqual(everyoneOnce(emails, true));
    for (const email of emails) {
      await world.mail.waitForMatching(email, isInvitation);
      await world.mail.waitForMatching(email, (mail) => !isInvitation(mail));
    }
    const cohort = await world
      .http()
      .get(`/api/v1/cohorts/${cohortId}`)
      .set(...bearer(org.admin))
      .expect(200);
    expect(cohort.body.stats.enrolled).toBe(12);

    // …and nothing more arrives later.
    await world.settled();
    for (const email of emails) expect(world.mail.to(email)).toHaveLength(2);

    // One audit event summarizes the import, as for a small file.
    const audit = await world.ownerQuery<{ changes: Record<string, { to: number }> }>(
      `SELECT changes FROM audit_events WHERE organization_id = $1 AND action = 'member.imported'
        ORDER BY at DESC LIMIT 1`,
      [org.id],
    );
    expect(audit[0].changes).toMatchObject({ created: { to: 12 }, invited: { to: 12 } });
  });

  it('changes and queues nothing when the same file comes again', async () => {
    const { csv } = roster(6, 'Emergency');
    await importCsv(csv).expect(200);
    const first = await newestImport();
    await finished(first.id);

    const again = await importCsv(csv).expect(200);
    expect(again.body).toEqual({ created: 0, updated: 0, unchanged: 6, invited: 0, dryRun: false });
    expect((await newestImport()).id).toBe(first.id);
  });

  it('enrolls the members a file moves into a cohort target, without inviting them again', async () => {
    const { csv, emails } = roster(7, 'Laboratory');
    await importCsv(csv).expect(200);
    await finished((await newestImport()).id);
    expect(await writtenFor(emails)).toEqual(everyoneOnce(emails, false));

    const moved = await importCsv(csv.replace(/,Laboratory/g, ',Emergency')).expect(200);
    expect(moved.body).toEqual({ created: 0, updated: 7, unchanged: 0, invited: 0, dryRun: false });
    const record = await newestImport();
    expect(record).toMatchObject({ total: 7, created_count: 0 });
    await finished(record.id);
    expect(await writtenFor(emails)).toEqual(everyoneOnce(emails, true));
  });

  it('writes each batch once when two jobs follow up the same import at the same time', async () => {
    await queue.pause();
    try {
      const { csv, emails } = roster(11, 'Emergency');
      await importCsv(csv).expect(200);
      const record = await newestImport();
      const job = world.worker?.get(FollowUpMemberImportJob);
      if (!job) throw new Error('this suite runs an in-process worker');

      // The row lock makes the second run wait for each batch of the first and then find it done.
      const runs = await Promise.all([
        job.run({ organizationId: org.id, importId: record.id }),
        job.run({ organizationId: org.id, importId: record.id }),
      ]);
      expect(runs.reduce((sum, done) => sum + done, 0)).toBe(11);
      expect(await importRecord(record.id)).toMatchObject({ processed: 11, finished: true });
      expect(await writtenFor(emails)).toEqual(everyoneOnce(emails, true));

      // The job queued after the import's commit then runs and finds nothing to do.
      await queue.resume();
      await until('the queued follow-up job has run', async () =>
        ['completed', 'unknown'].includes(await queue.getJobState(`import-${record.id}`)),
      );
      await world.settled();
      expect(await writtenFor(emails)).toEqual(everyoneOnce(emails, true));
    } finally {
      await queue.resume();
    }
  });

  it('resumes an import whose job was lost, through the periodic sweep', async () => {
    await queue.pause();
    const { csv, emails } = roster(8, 'Emergency');
    let record: ImportRecord;
    try {
      await importCsv(csv).expect(200);
      record = await newestImport();
      // The job is lost (say Redis lost it), and nobody has touched the import for a while.
      const lost = await queue.getJob(`import-${record.id}`);
      expect(lost?.name).toBe(JobName.followUpMemberImport);
      await lost?.remove();
      await world.ownerQuery(
        `UPDATE member_imports SET updated_at = now() - interval '1 minute' WHERE id = $1`,
        [record.id],
      );
    } finally {
      await queue.resume();
    }
    await finished(record.id);
    expect(await writtenFor(emails)).toEqual(everyoneOnce(emails, true));
    for (const email of emails) await world.mail.waitForMatching(email, isInvitation);
  });

  it("asks the worker to relay an organization's mail once while a relay is waiting, so batches do not pile up relays", async () => {
    const notifications = new Queue(QueueName.outbox, {
      connection: redisOptionsFromUrl(process.env.REDIS_URL as string),
      prefix: world.queuePrefix,
    });
    const relays = async () =>
      (await notifications.getJobs(['wait', 'prioritized', 'active', 'delayed'])).filter(
        (job) => job.name === JobName.relayOrganizationNotifications,
      );
    try {
      await notifications.pause();
      const relay = world.app.get(NotificationRelay);
      for (let i = 0; i < 3; i += 1) await relay.relayInWorker(org.id);
      expect(await relays()).toHaveLength(1);
      await relay.relayInWorker(null);
      expect(await relays()).toHaveLength(2);

      await notifications.resume();
      await until('the relays ran', async () => (await relays()).length === 0);
      // Once one has finished, the next request queues a relay again.
      await notifications.pause();
      await relay.relayInWorker(org.id);
      expect(await relays()).toHaveLength(1);
    } finally {
      await notifications.resume();
      await notifications.close();
    }
  });

  it('leaves whole batches behind a worker killed mid-import, and a later run completes it exactly once', async () => {
    // Only a child process works the queue from here on.
    await world.worker?.close();
    world.worker = null;
    const child = await startWorkerProcess(children);

    const { csv, emails } = roster(300, 'Emergency');
    await importCsv(csv).expect(200);
    const record = await newestImport();
    const atKill = await until(
      'the worker committed a first batch',
      async () => {
        const now = await importRecord(record.id);
        return now.processed > 0 ? now : null;
      },
      30_000,
      5,
    );
    await killWorkerProcess(child);
    const left = await importRecord(record.id);
    expect(left.finished).toBe(false);
    expect(left.processed).toBeGreaterThanOrEqual(atKill.processed);
    expect(left.processed % BATCH).toBe(0);

    // Exactly the members of the committed batches were invited and enrolled; the batch in flight rolled back.
    const written = await writtenFor(emails);
    const followedUp = written.filter((w) => w.invitations > 0);
    expect(followedUp).toHaveLength(left.processed);
    for (const w of followedUp)
      expect(w).toMatchObject({ invitations: 1, invitation_mails: 1, enrollments: 1 });
    for (const w of written.filter((x) => x.invitations === 0))
      expect(w).toMatchObject({ invitation_mails: 0, enrollments: 0, assignment_mails: 0 });

    // A new worker runs the job again, as BullMQ does once it sees the dead worker's job stalled.
    world.worker = await createWorker();
    await world.worker.get(FollowUpMemberImportJob).run({ organizationId: org.id, importId: record.id });
    expect(await importRecord(record.id)).toMatchObject({ processed: 300, finished: true });
    expect(await writtenFor(emails)).toEqual(everyoneOnce(emails, true));
  });
});
