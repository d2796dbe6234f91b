import { Queue } from 'bullmq';
import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { BuildReportJob, ReportSweepJob } from '@beacon/compliance';
import { QueueName, redisOptionsFromUrl } from '@beacon/core/queue';
import { Clock } from '@beacon/core/time';
import {
  courseModuleIds,
  createCohort,
  createDepartment,
  createSite,
  findHt101,
  loadAnswerKey,
  myEnrollments,
  passCourse,
} from '../support/learning';
import { binary } from '../support/pdf-text';
import { bearer, Session, TestApp, TestOrganization } from '../support/test-app';
import { until } from '../support/waiting';

jest.setTimeout(120_000);

interface ReportView {
  id: string;
  type: string;
  format: string;
  status: string;
  filters: Record<string, string>;
  scope: string;
  requestedBy: { id: string; name: string };
  rowCount: number | null;
  fileSize: number | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  expiresAt: string | null;
}

type Format = 'csv' | 'xlsx';
/** A report's file as rows of text cells, the header row first. */
type Table = string[][];
/** A data row by its header. */
type Row = Record<string, string>;

const DAY_MS = 86_400_000;
const ZONE = 'America/Chicago';
const FORMULA_NAMES = ['=HYPERLINK("http://evil.test","click")', '+1 Plus', '-2 Minus', '@x At'];
const TAB_NAME = '\tTab Person';

/** YYYY-MM-DD of an instant in the organization's time zone. */
const localDate = (instant: string | Date): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(instant));

/** A CSV or XLSX file read back (the workbook by exceljs, as a real reader) into the same text cells. */
async function tableOf(format: Format, file: Buffer): Promise<Table> {
  if (format === 'csv') {
    expect(file.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    return parse(file, { bom: true, relax_column_count: false }) as Table;
  }
  const workbook = new Workbook();
  // exceljs types its Buffer as an ArrayBuffer (JSZip reads either): hand it the bytes as one.
  await workbook.xlsx.load(
    file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer,
  );
  const sheet = workbook.getWorksheet('Report');
  if (!sheet) throw new Error('the workbook has no sheet named Report');
  const width = sheet.getRow(1).cellCount;
  const table: Table = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    for (let column = 1; column <= width; column += 1) {
      const cell = row.getCell(column);
      expect(cell.formula).toBeUndefined();
      cells.push(cell.value === null || cell.value === undefined ? '' : String(cell.value));
    }
    table.push(cells);
  });
  return table;
}

function rowsOf(table: Table): Row[] {
  const [header, ...rows] = table;
  return rows.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])));
}

describe('report exports: requested over HTTP, built by the worker from a cursor, downloaded', () => {
  let world: TestApp;
  let org: TestOrganization;
  let other: TestOrganization;
  let educator: Session;
  let now = new Date();
  let courseTitle: string;
  let courseId: string;
  let siteId: string;
  let departmentId: string;
  let otherSiteId: string;
  let pastCohortId: string;
  let laterCohortId: string;
  let certificate: {
    id: string;
    number: string;
    verificationCode: string;
    verifyUrl: string;
    completedOn: string;
    issuedAt: string;
    creditHours: number;
  };
  /** Morgan manages Dana (a manager too) and Blake; Dana manages Avery; Casey and the formula names report to nobody. */
  const people = {} as Record<
    'morgan' | 'dana' | 'avery' | 'blake' | 'casey',
    { memberId: string; email: string; session: Session }
  >;

  const post = (session: Session, body: unknown) =>
    world
      .http()
      .post('/api/v1/reports')
      .set(...bearer(session))
      .send(body as object);
  const get = (session: Session, path: string) =>
    world
      .http()
      .get(path)
      .set(...bearer(session));

  async function requested(session: Session, body: Record<string, unknown>): Promise<ReportView> {
    const res = await post(session, body);
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 202 });
    return res.body as ReportView;
  }

  async function finished(session: Session, id: string): Promise<ReportView> {
    return until(
      `report ${id} is finished`,
      async () => {
        const res = await get(session, `/api/v1/reports/${id}`).expect(200);
        const view = res.body as ReportView;
        return view.status === 'ready' || view.status === 'failed' ? view : null;
      },
      30_000,
      100,
    );
  }

  function download(session: Session, id: string) {
    return get(session, `/api/v1/reports/${id}/download`).buffer(true).parse(binary);
  }

  /** Requests a report, waits for it and reads its file back. */
  async function built(
    session: Session,
    body: { type: string; format: Format; filters?: Record<string, string> },
  ): Promise<{ view: ReportView; table: Table; res: Response }> {
    const view = await finished(session, (await requested(session, body)).id);
    expect(view).toMatchObject({ status: 'ready', error: null });
    const res = await download(session, view.id).expect(200);
    const table = await tableOf(body.format, res.body as Buffer);
    expect(view.rowCount).toBe(table.length - 1);
    expect(view.fileSize).toBe((res.body as Buffer).length);
    return { view, table, res };
  }

  async function person(
    key: keyof typeof people,
    name: string,
    roles: string[],
    fields: Record<string, unknown>,
  ): Promise<void> {
    const added = await world.addMember(org, roles, { name, ...fields });
    people[key] = added;
  }

  const reportFiles = (organizationId: string) =>
    readdir(join(world.storageDir, 'reports', organizationId)).catch(() => [] as string[]);

  beforeAll(async () => {
    world = await TestApp.start({
      env: {
        PROVIDER_CREDIT_TYPES: JSON.stringify([
          { code: 'nursing_contact_hours', label: 'Nursing contact hours' },
        ]),
      },
    });
    // The api (due dates, downloads after expiry) and the worker (overdue, retention) read one test clock.
    for (const context of [world.app, world.worker])
      jest.spyOn(context?.get(Clock) as Clock, 'now').mockImplementation(() => new Date(now));

    org = await world.createOrganization('Report Health');
    other = await world.createOrganization('Other Report Health');
    const platform = await world.platformAdmin();
    const course = await findHt101(world, org.admin);
    courseTitle = course.title;
    courseId = course.id;
    siteId = await createSite(world, org.admin, 'North Campus');
    departmentId = await createDepartment(world, org.admin, siteId, 'Emergency');
    otherSiteId = await createSite(world, other.admin, 'Elsewhere Campus');
    educator = (await world.addMember(org, ['educator'], { name: 'Eli Educator', jobTitle: 'Educator' }))
      .session;

    await person('morgan', 'Morgan Manager', ['manager'], { jobTitle: 'Director' });
    await person('dana', 'Dana Middle', ['manager', 'learner'], {
      jobTitle: 'Nurse',
      managerId: people.morgan.memberId,
    });
    await person('avery', 'Avery Núñez', ['learner'], {
      jobTitle: 'Nurse',
      managerId: people.dana.memberId,
      siteId,
      departmentId,
      employeeId: 'E-100',
      license: { type: 'RN', state: 'TX', number: 'RN-555' },
    });
    await person('blake', 'Blake Direct', ['learner'], {
      jobTitle: 'Tech',
      managerId: people.morgan.memberId,
    });
    await person('casey', 'Casey Outside', ['learner'], { jobTitle: 'Nurse' });
    for (const name of FORMULA_NAMES) await world.addMember(org, ['learner'], { name, jobTitle: 'Tech' });
    // A tab cannot come through the API (names are trimmed); an imported file could carry one.
    const tabbed = await world.addMember(org, ['learner'], { name: 'Tab Person', jobTitle: 'Tech' });
    await world.ownerQuery('UPDATE memberships SET name = $2 WHERE id = $1', [tabbed.memberId, TAB_NAME]);
    await world.ownerQuery(
      'UPDATE users SET name = $2 WHERE id = (SELECT user_id FROM memberships WHERE id = $1)',
      [tabbed.memberId, TAB_NAME],
    );

    pastCohortId = (
      await createCohort(world, org.admin, {
        courseId: course.id,
        name: 'Past due',
        target: { jobTitles: ['Nurse'] },
        dueDate: '2020-01-15',
      })
    ).id;
    laterCohortId = (
      await createCohort(world, org.admin, {
        courseId: course.id,
        name: 'Everyone later',
        target: {},
        dueInDays: 30,
      })
    ).id;
    await createCohort(world, other.admin, {
      courseId: course.id,
      name: 'Elsewhere',
      target: {},
      dueDate: '2020-01-15',
    });

    // Avery completes the later cohort's course and gets a certificate.
    const averyLater = (await myEnrollments(world, people.avery.session)).find(
      (item) => item.cohortId === laterCohortId,
    );
    const result = await passCourse(
      world,
      people.avery.session,
      averyLater?.id as string,
      await courseModuleIds(world, org.admin, course.id),
      await loadAnswerKey(world, platform, course.id),
    );
    certificate = (await get(org.admin, `/api/v1/certificates/${result.certificateId}`).expect(200)).body;
    await world.settled({ timeoutMs: 30_000 });
  });

  afterAll(async () => {
    delete process.env.PROVIDER_CREDIT_TYPES;
    await world?.stop();
  });

  describe('the compliance report', () => {
    it.each<Format>(['csv', 'xlsx'])(
      'lists every current enrollment with member, place, manager, cohort, status, dates and certificate (%s)',
      async (format) => {
        const { table, res, view } = await built(org.admin, { type: 'compliance', format });
        expect(res.headers['content-type']).toBe(
          format === 'csv'
            ? 'text/csv; charset=utf-8'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        );
        expect(res.headers['content-disposition']).toBe(
          `attachment; filename="compliance-report-${view.createdAt.slice(0, 10)}-${view.id.slice(0, 8)}.${format}"`,
        );
        expect(view).toMatchObject({ type: 'compliance', format, scope: 'organization', filters: {} });
        expect(table[0]).toEqual([
          'Member',
          'Email',
          'Employee ID',
          'Site',
          'Department',
          'Job title',
          'Manager',
          'Cohort',
          'Course',
          'Course code',
          'Status',
          'Due date',
          'Completed date',
          'Overdue',
          'Certificate number',
        ]);
        const rows = rowsOf(table);
        const avery = rows.filter((row) => row.Member === 'Avery Núñez');
        const averyEnrollments = await myEnrollments(world, people.avery.session);
        const due = (cohortId: string) =>
          localDate(averyEnrollments.find((item) => item.cohortId === cohortId)?.dueAt as string);
        expect(avery).toEqual([
          {
            Member: 'Avery Núñez',
            Email: people.avery.email,
            'Employee ID': 'E-100',
            Site: 'North Campus',
            Department: 'Emergency',
            'Job title': 'Nurse',
            Manager: 'Dana Middle',
            Cohort: 'Everyone later',
            Course: courseTitle,
            'Course code': 'HT-101',
            Status: 'completed',
            'Due date': due(laterCohortId),
            'Completed date': certificate.completedOn,
            Overdue: 'no',
            'Certificate number': certificate.number,
          },
          // Passing completed every open enrollment of the course: one certificate proves both.
          expect.objectContaining({
            Cohort: 'Past due',
            Status: 'completed',
            'Due date': '2020-01-15',
            'Completed date': certificate.completedOn,
            Overdue: 'no',
            'Certificate number': certificate.number,
          }),
        ]);
        expect(rows.find((row) => row.Member === 'Casey Outside' && row.Cohort === 'Past due')).toMatchObject(
          {
            Status: 'not_started',
            'Completed date': '',
            Overdue: 'yes',
            'Certificate number': '',
          },
        );
        // Everyone is in the later cohort; the nurses in the past one too. Nobody of the other organization.
        const members = new Set(rows.map((row) => row.Member));
        expect(rows.filter((row) => row.Cohort === 'Everyone later')).toHaveLength(members.size);
        expect(
          rows
            .filter((row) => row.Cohort === 'Past due')
            .map((row) => row.Member)
            .sort(),
        ).toEqual(['Avery Núñez', 'Casey Outside', 'Dana Middle'].sort());
        expect(rows.some((row) => row.Cohort === 'Elsewhere')).toBe(false);
        expect(members.has('Morgan Manager')).toBe(true);
      },
    );

    it.each<Format>(['csv', 'xlsx'])(
      'shows names that start like a formula as text, with a leading apostrophe (%s)',
      async (format) => {
        const { table } = await built(educator, { type: 'compliance', format });
        const names = new Set(rowsOf(table).map((row) => row.Member));
        for (const name of [...FORMULA_NAMES, TAB_NAME]) {
          expect(names.has(`'${name}`)).toBe(true);
          expect(names.has(name)).toBe(false);
        }
        // Nothing else gained an apostrophe.
        expect(names.has('Avery Núñez')).toBe(true);
      },
    );

    it('narrows to the filters: site, department, cohort and course', async () => {
      const members = async (filters: Record<string, string>) =>
        rowsOf((await built(org.admin, { type: 'compliance', format: 'csv', filters })).table).map(
          (row) => `${row.Member}/${row.Cohort}`,
        );
      expect(await members({ siteId, departmentId })).toEqual([
        'Avery Núñez/Everyone later',
        'Avery Núñez/Past due',
      ]);
      expect((await members({ cohortId: pastCohortId })).sort()).toEqual(
        ['Avery Núñez/Past due', 'Casey Outside/Past due', 'Dana Middle/Past due'].sort(),
      );
      // Every enrollment here is of HT-101.
      const all = await built(org.admin, { type: 'compliance', format: 'csv' });
      const { view } = await built(org.admin, { type: 'compliance', format: 'csv', filters: { courseId } });
      expect(view.rowCount).toBe(all.view.rowCount);
      expect(view.filters).toEqual({ courseId });
    });
  });

  describe('the overdue report', () => {
    it.each<Format>(['csv', 'xlsx'])(
      'lists only overdue enrollments, with days overdue (%s)',
      async (format) => {
        const { table } = await built(org.admin, { type: 'overdue', format });
        expect(table[0].slice(-3)).toEqual(['Status', 'Due date', 'Days overdue']);
        const rows = rowsOf(table);
        const days = String(Math.round((Date.parse(localDate(now)) - Date.parse('2020-01-15')) / DAY_MS));
        expect(
          rows.map((row) => [row.Member, row.Cohort, row['Due date'], row['Days overdue']]).sort(),
        ).toEqual(
          [
            ['Casey Outside', 'Past due', '2020-01-15', days],
            ['Dana Middle', 'Past due', '2020-01-15', days],
          ].sort(),
        );
      },
    );
  });

  describe('the certificates report', () => {
    it.each<Format>(['csv', 'xlsx'])(
      'lists each certificate with license, credits, dates and verification (%s)',
      async (format) => {
        const { table } = await built(org.admin, { type: 'certificates', format });
        expect(rowsOf(table)).toEqual([
          {
            Learner: 'Avery Núñez',
            'Employee ID': 'E-100',
            'License type': 'RN',
            'License state': 'TX',
            'License number': 'RN-555',
            Course: courseTitle,
            'Course code': 'HT-101',
            'Credit types': 'Nursing contact hours',
            'Credit hours': String(certificate.creditHours),
            'Completion date': certificate.completedOn,
            'Issue date': localDate(certificate.issuedAt),
            'Certificate number': certificate.number,
            'Verification code': certificate.verificationCode,
            'Verification URL': certificate.verifyUrl,
            Revoked: 'no',
          },
        ]);
      },
    );
  });

  describe('a revoked certificate', () => {
    it('stays in the certificates report, marked revoked, and proves no completion any more', async () => {
      await world
        .http()
        .post(`/api/v1/certificates/${certificate.id}/revoke`)
        .set(...bearer(org.admin))
        .send({ reason: 'Issued in error' })
        .expect(200);
      const certificates = rowsOf((await built(org.admin, { type: 'certificates', format: 'csv' })).table);
      expect(certificates.map((row) => [row['Certificate number'], row.Revoked])).toEqual([
        [certificate.number, 'yes'],
      ]);
      const compliance = rowsOf((await built(org.admin, { type: 'compliance', format: 'csv' })).table);
      const avery = compliance.filter((row) => row.Member === 'Avery Núñez');
      expect(avery.map((row) => [row.Status, row['Certificate number']])).toEqual([
        ['completed', ''],
        ['completed', ''],
      ]);
    });
  });

  describe("a manager's report", () => {
    it('holds only their reporting chain, two levels down, and only they (and staff) see it', async () => {
      const morgan = await built(people.morgan.session, { type: 'compliance', format: 'csv' });
      expect(morgan.view.scope).toBe('reporting_chain');
      expect([...new Set(rowsOf(morgan.table).map((row) => row.Member))].sort()).toEqual(
        ['Avery Núñez', 'Blake Direct', 'Dana Middle'].sort(),
      );
      const dana = await built(people.dana.session, { type: 'certificates', format: 'csv' });
      expect(rowsOf(dana.table).map((row) => row.Learner)).toEqual(['Avery Núñez']);
      const morganOverdue = await built(people.morgan.session, { type: 'overdue', format: 'xlsx' });
      expect(rowsOf(morganOverdue.table).map((row) => row.Member)).toEqual(['Dana Middle']);
      // Avery, Dana's only report, completed: the file holds the header row alone.
      const danaOverdue = await built(people.dana.session, { type: 'overdue', format: 'csv' });
      expect(danaOverdue.table).toHaveLength(1);
      expect(danaOverdue.view.rowCount).toBe(0);

      // Dana may not see Morgan's report, nor download it; staff see both.
      await get(people.dana.session, `/api/v1/reports/${morgan.view.id}`).expect(404);
      await download(people.dana.session, morgan.view.id).expect(404);
      await get(org.admin, `/api/v1/reports/${morgan.view.id}`).expect(200);
      await download(educator, morgan.view.id).expect(200);
      const listed = await get(people.dana.session, '/api/v1/reports?limit=200').expect(200);
      expect(new Set(listed.body.items.map((item: ReportView) => item.requestedBy.id))).toEqual(
        new Set([people.dana.memberId]),
      );
      const staffList = await get(org.admin, '/api/v1/reports?limit=200').expect(200);
      expect(staffList.body.items.map((item: ReportView) => item.id)).toEqual(
        expect.arrayContaining([morgan.view.id, dana.view.id]),
      );
    });
  });

  describe('the list', () => {
    it('pages newest first with nextCursor, and refuses a limit above 200', async () => {
      const first = await get(org.admin, '/api/v1/reports?limit=2').expect(200);
      expect(first.body.items).toHaveLength(2);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await get(org.admin, `/api/v1/reports?limit=2&cursor=${first.body.nextCursor}`).expect(
        200,
      );
      const all = [...first.body.items, ...second.body.items] as ReportView[];
      expect(new Set(all.map((item) => item.id)).size).toBe(4);
      const times = all.map((item) => item.createdAt);
      expect([...times].sort().reverse()).toEqual(times);
      const refused = await get(org.admin, '/api/v1/reports?limit=201').expect(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'limit' })]);
    });
  });

  describe('bad requests', () => {
    it.each([
      ['an unknown field', { type: 'compliance', format: 'csv', extra: 1 }, 'extra'],
      [
        'an unknown filter',
        { type: 'compliance', format: 'csv', filters: { managerId: 'x' } },
        'filters.managerId',
      ],
      ['an unknown type', { type: 'everything', format: 'csv' }, 'type'],
      ['no type', { format: 'csv' }, 'type'],
      ['an unknown format', { type: 'compliance', format: 'pdf' }, 'format'],
      ['filters that are no object', { type: 'compliance', format: 'csv', filters: 'north' }, 'filters'],
      [
        'a filter id that is no uuid',
        { type: 'compliance', format: 'csv', filters: { siteId: 'north' } },
        'filters.siteId',
      ],
    ])('refuses %s with 400 naming the field', async (_what, body, field) => {
      const res = await post(org.admin, body).expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors).toEqual([expect.objectContaining({ field })]);
    });

    it("refuses another organization's site and unknown ids with 400 naming each filter", async () => {
      const res = await post(org.admin, {
        type: 'overdue',
        format: 'csv',
        filters: {
          siteId: otherSiteId,
          cohortId: '00000000-0000-4000-8000-000000000000',
          courseId: '00000000-0000-4000-8000-000000000001',
        },
      }).expect(400);
      expect(res.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(
        ['filters.cohortId', 'filters.courseId', 'filters.siteId'].sort(),
      );
      // The same site is fine for its own organization.
      await requested(other.admin, { type: 'overdue', format: 'csv', filters: { siteId: otherSiteId } });
    });
  });

  describe('the requirement gaps report', () => {
    it.each<Format>(['csv', 'xlsx'])(
      'builds the requirement_gaps export: a state rule stays open, with why, while the provider has no approved course (%s)',
      async (format) => {
        const { table } = await built(org.admin, { type: 'requirement_gaps', format });
        expect(table[0]).toEqual(
          expect.arrayContaining(['Member', 'License state', 'Rule', 'Status', 'Reason']),
        );
        const avery = rowsOf(table).find((row) => row.Member === 'Avery Núñez');
        expect(avery).toMatchObject({
          'Employee ID': 'E-100',
          'License type': 'RN',
          'License state': 'TX',
          Rule: 'tx-nurses',
          Status: 'open',
        });
        // Whether Avery's certificate still stands (a test above revokes it) changes the words, not the verdict.
        expect(avery?.Reason).toMatch(/approved for TX RN by the provider's configuration$/);
        // Morgan, two levels above Avery, sees Avery alone: the only licensed member of that chain.
        const chain = await built(people.morgan.session, { type: 'requirement_gaps', format });
        expect(rowsOf(chain.table).map((row) => row.Member)).toEqual(['Avery Núñez']);
      },
    );
  });

  describe('another organization', () => {
    it('answers 404 for a report id of another organization, which its own staff read (200)', async () => {
      const { view } = await built(org.admin, { type: 'overdue', format: 'csv' });
      await get(other.admin, `/api/v1/reports/${view.id}`).expect(404);
      await download(other.admin, view.id).expect(404);
      await get(org.admin, `/api/v1/reports/${view.id}`).expect(200);
      await get(org.admin, '/api/v1/reports/not-a-uuid').expect(404);
      const theirs = await get(other.admin, '/api/v1/reports?limit=200').expect(200);
      expect(theirs.body.items.some((item: ReportView) => item.id === view.id)).toBe(false);
    });
  });

  describe('state and progress', () => {
    let queue: Queue;

    beforeAll(() => {
      queue = new Queue(QueueName.reports, {
        connection: redisOptionsFromUrl(process.env.REDIS_URL as string),
        prefix: world.queuePrefix,
      });
    });

    afterAll(async () => {
      await queue.resume();
      await queue.close();
    });

    it('answers 409 problem+json to a download before the report is ready, then the file once it is', async () => {
      // Paused, the worker takes no job: the report stays queued.
      await queue.pause();
      let report: ReportView;
      try {
        report = await requested(org.admin, { type: 'compliance', format: 'xlsx' });
        expect(report).toMatchObject({ status: 'queued', rowCount: null, error: null, expiresAt: null });
        const early = await get(org.admin, `/api/v1/reports/${report.id}/download`).expect(409);
        expect(early.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(early.body).toMatchObject({ status: 409, title: 'Conflict' });
      } finally {
        await queue.resume();
      }
      const ready = await finished(org.admin, report.id);
      expect(ready).toMatchObject({ status: 'ready', startedAt: expect.any(String) });
      expect(Date.parse(ready.expiresAt as string) - Date.parse(ready.finishedAt as string)).toBe(7 * DAY_MS);
      await download(org.admin, report.id).expect(200);
    });

    it('moves rowCount every 10,000 rows in transactions of its own while running', async () => {
      // A larger organization: 12,000 members enrolled in one cohort, written directly (no mail).
      const big = await world.createOrganization('Big Report Health');
      const course = await findHt101(world, big.admin);
      const cohort = await createCohort(world, big.admin, {
        courseId: course.id,
        name: 'Everyone',
        target: { roles: ['org_admin'] },
      });
      await world.ownerQuery(
        `WITH people AS (
           INSERT INTO users (email, name)
           SELECT 'bulk-' || n || '-' || $1 || '@example.test', 'Bulk Person ' || n FROM generate_series(1, 12000) n
           RETURNING id, name),
         members AS (
           INSERT INTO memberships (organization_id, user_id, roles, status, name, joined_at)
           SELECT $2, id, '{learner}', 'active', name, now() FROM people RETURNING id)
         INSERT INTO enrollments (organization_id, cohort_id, membership_id, course_id)
         SELECT $2, $3, id, $4 FROM members`,
        [big.id.slice(0, 8), big.id, cohort.id, course.id],
      );
      // Every change of the report row, with the transaction that made it, as the database saw it.
      await world.ownerQuery(`
        CREATE TABLE report_changes (status text, row_count integer, txid bigint, at timestamptz DEFAULT clock_timestamp());
        CREATE FUNCTION log_report_change() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
        BEGIN
          INSERT INTO report_changes (status, row_count, txid) VALUES (NEW.status, NEW.row_count, txid_current());
          RETURN NEW;
        END $$;
        CREATE TRIGGER report_changes AFTER UPDATE ON reports FOR EACH ROW EXECUTE FUNCTION log_report_change();
      `);
      try {
        const { view } = await built(big.admin, { type: 'compliance', format: 'csv' });
        expect(view.rowCount).toBe(12_001);
        const changes = await world.ownerQuery<{ status: string; row_count: number; txid: string }>(
          'SELECT status, row_count, txid::text FROM report_changes ORDER BY at',
        );
        expect(changes.map((change) => [change.status, change.row_count])).toEqual([
          ['running', 0],
          ['running', 10_000],
          ['ready', 12_001],
        ]);
        expect(new Set(changes.map((change) => change.txid)).size).toBe(3);
      } finally {
        await world.ownerQuery(
          'DROP TRIGGER report_changes ON reports; DROP FUNCTION log_report_change(); DROP TABLE report_changes',
        );
      }
    });

    it('records why a report failed, safe to show, and leaves no file behind', async () => {
      // The organization's report folder cannot be created: a file stands where it would go.
      await world.settled({ timeoutMs: 30_000 });
      const folder = join(world.storageDir, 'reports', other.id);
      await rm(folder, { recursive: true, force: true });
      await mkdir(join(world.storageDir, 'reports'), { recursive: true });
      await writeFile(folder, 'in the way');
      try {
        const report = await requested(other.admin, { type: 'compliance', format: 'csv' });
        const failed = await finished(other.admin, report.id);
        expect(failed).toMatchObject({
          status: 'failed',
          error: 'The report file could not be written to storage.',
          expiresAt: null,
        });
        const res = await get(other.admin, `/api/v1/reports/${report.id}/download`).expect(409);
        expect(res.body.detail).toMatch(/failed/);
        const left = await readdir(world.storageDir, { recursive: true });
        expect(left.filter((name) => name.includes(report.id))).toEqual([]);
      } finally {
        await rm(folder, { force: true });
      }
    });

    it('runs a report a dead worker left running again from scratch, ending with one file', async () => {
      await queue.pause();
      const report = await requested(org.admin, { type: 'overdue', format: 'csv' });
      // What a worker killed mid-run leaves: the report running under its run, and a part file.
      const deadRun = '11111111-1111-4111-8111-111111111111';
      await world.ownerQuery(
        `UPDATE reports SET status = 'running', run_id = $2, row_count = 2000, started_at = now() WHERE id = $1`,
        [report.id, deadRun],
      );
      await mkdir(join(world.storageDir, 'reports', org.id), { recursive: true });
      await writeFile(join(world.storageDir, 'reports', org.id, `${report.id}.csv.${deadRun}.part`), 'half');

      const job = (world.worker as NonNullable<TestApp['worker']>).get(BuildReportJob);
      expect(await job.run({ organizationId: org.id, reportId: report.id }, true)).toBe('ready');
      // Asked again (the stalled job coming back): nothing to do.
      expect(await job.run({ organizationId: org.id, reportId: report.id }, true)).toBe('skipped');
      await queue.resume();
      await world.settled({ timeoutMs: 30_000 });

      const files = (await reportFiles(org.id)).filter((name) => name.startsWith(report.id));
      expect(files).toEqual([`${report.id}.csv`]);
      const ready = (await get(org.admin, `/api/v1/reports/${report.id}`).expect(200)).body as ReportView;
      expect(ready).toMatchObject({ status: 'ready', rowCount: 2 });
      expect(
        rowsOf(await tableOf('csv', (await download(org.admin, report.id).expect(200)).body)),
      ).toHaveLength(2);
    });
  });

  describe('retention', () => {
    it('answers 410 once the report expired, and the sweep deletes its file and marks it expired', async () => {
      const { view } = await built(org.admin, { type: 'certificates', format: 'xlsx' });
      expect(await reportFiles(org.id)).toContain(`${view.id}.xlsx`);
      const saved = now;
      try {
        now = new Date(Date.parse(view.expiresAt as string) + 1_000);
        const gone = await get(org.admin, `/api/v1/reports/${view.id}/download`).expect(410);
        expect(gone.headers['content-type']).toMatch(/^application\/problem\+json/);

        const sweep = (world.worker as NonNullable<TestApp['worker']>).get(ReportSweepJob);
        expect((await sweep.runFor(org.id)).expired).toBeGreaterThanOrEqual(1);
        expect(await reportFiles(org.id)).not.toContain(`${view.id}.xlsx`);
        const expired = (await get(org.admin, `/api/v1/reports/${view.id}`).expect(200)).body as ReportView;
        expect(expired.status).toBe('expired');
        await download(org.admin, view.id).expect(410);
        // A second sweep finds nothing more to delete.
        expect((await sweep.runFor(org.id)).expired).toBe(0);
      } finally {
        now = saved;
      }
    });
  });
});
