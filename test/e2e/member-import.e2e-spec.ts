import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Response } from 'supertest';
import { ImportSlots } from '@beacon/organizations';
import { isInvitation } from '../support/mail-sink';
import { bearer, PASSWORD, Session, TestApp, TestOrganization } from '../support/test-app';
import { until } from '../support/waiting';

const HEADER = [
  'email',
  'name',
  'employee_id',
  'site',
  'department',
  'job_title',
  'roles',
  'manager_email',
  'license_type',
  'license_state',
] as const;
type Column = (typeof HEADER)[number];

interface Member {
  id: string;
  email: string;
  name: string;
  roles: string[];
  status: string;
  siteId: string | null;
  departmentId: string | null;
  jobTitle: string | null;
  employeeId: string | null;
  managerId: string | null;
  license: { type: string; state: string } | null;
}

interface RowError {
  row: number;
  field: string;
  message: string;
}

/** One CSV record in the full header's column order; values with separators, quotes or line breaks are quoted. */
function record(values: Partial<Record<Column, string>>): string {
  return HEADER.map((column) => {
    const value = values[column] ?? '';
    return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  }).join(',');
}

const fullCsv = (...rows: Array<Partial<Record<Column, string>>>): string =>
  [HEADER.join(','), ...rows.map(record)].join('\n') + '\n';

const rowsAndFields = (errors: RowError[]) => errors.map(({ row, field }) => ({ row, field }));

describe('roster import (POST /api/v1/members/import)', () => {
  let world: TestApp;
  let org: TestOrganization;
  let other: TestOrganization;
  let solo: TestOrganization;
  let educator: Session;
  let learner: Session;
  let manager: Session;
  let outsider: { email: string; session: Session };
  const sites: Record<string, string> = {};
  const departments: Record<string, string> = {};

  const importCsv = (session: Session, body: string | Buffer, query = '') =>
    world
      .http()
      .post(`/api/v1/members/import${query}`)
      .set(...bearer(session))
      .set('Content-Type', 'text/csv')
      .send(body);

  const expectProblem = (res: Response, status: number) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
  };

  const expectRowErrors = async (
    session: Session,
    body: string,
    expected: Array<{ row: number; field: string }>,
  ) => {
    const before = await snapshot();
    const res = await importCsv(session, body);
    expectProblem(res, 422);
    expect(rowsAndFields(res.body.errors)).toEqual(expected);
    for (const error of res.body.errors as RowError[]) expect(error.message).toEqual(expect.any(String));
    expect(await snapshot()).toEqual(before);
    return res.body.errors as RowError[];
  };

  /** What an import may write, as the database owner sees it: counts, plus a digest of every membership. */
  const snapshot = async () => {
    const [row] = await world.ownerQuery(
      `SELECT (SELECT count(*) FROM memberships)::int AS memberships,
              (SELECT md5(coalesce(string_agg(m::text, '|' ORDER BY m.id), '')) FROM memberships m) AS membership_digest,
              (SELECT count(*) FROM users)::int AS users,
              (SELECT md5(coalesce(string_agg(u.id || u.name, '|' ORDER BY u.id), '')) FROM users u) AS user_digest,
              (SELECT count(*) FROM invitations)::int AS invitations,
              (SELECT count(*) FROM notifications)::int AS notifications,
              (SELECT count(*) FROM audit_events)::int AS audit_events,
              (SELECT count(*) FROM enrollments)::int AS enrollments`,
    );
    return row;
  };

  const members = async (session: Session = org.admin): Promise<Member[]> => {
    const res = await world
      .http()
      .get('/api/v1/members?limit=200')
      .set(...bearer(session))
      .expect(200);
    return res.body.items as Member[];
  };

  const member = async (email: string, session: Session = org.admin): Promise<Member> => {
    const res = await world
      .http()
      .get(`/api/v1/members?q=${encodeURIComponent(email)}`)
      .set(...bearer(session))
      .expect(200);
    const found = (res.body.items as Member[]).find((m) => m.email.toLowerCase() === email.toLowerCase());
    if (!found) throw new Error(`no member ${email}`);
    return found;
  };

  /** A member made through the API without an invitation (no mail), as a fixture. */
  const fixture = async (body: Record<string, unknown>, session: Session = org.admin): Promise<Member> => {
    const res = await world
      .http()
      .post('/api/v1/members')
      .set(...bearer(session))
      .send({ roles: ['learner'], invite: false, ...body });
    if (res.status !== 201) throw new Error(`fixture failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Member;
  };

  const importedAuditEvents = async (organizationId: string) =>
    (
      await world.ownerQuery<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_events WHERE organization_id = $1 AND action = 'member.imported'`,
        [organizationId],
      )
    )[0].n;

  beforeAll(async () => {
    world = await TestApp.start();
    [org, other, solo] = await Promise.all([
      world.createOrganization('Import Health'),
      world.createOrganization('Other Health'),
      world.createOrganization('Solo Health'),
    ]);
    const structure: Array<[string, 'hospital' | 'satellite_clinic', string[]]> = [
      ['Main Campus', 'hospital', ['Emergency', 'ICU', 'Cardiology', 'Radiology']],
      ['North Clinic', 'satellite_clinic', ['Emergency', 'Primary Care']],
    ];
    for (const [name, kind, deps] of structure) {
      const site = await world
        .http()
        .post('/api/v1/sites')
        .set(...bearer(org.admin))
        .send({ name, kind })
        .expect(201);
      sites[name] = site.body.id;
      for (const dep of deps) {
        const res = await world
          .http()
          .post('/api/v1/departments')
          .set(...bearer(org.admin))
          .send({ siteId: site.body.id, name: dep, kind: 'other' })
          .expect(201);
        departments[`${name}/${dep}`] = res.body.id;
      }
    }
    const people = await Promise.all([
      world.addMember(org, ['educator']),
      world.addMember(org, ['learner']),
      world.addMember(org, ['manager']),
      world.addMember(other, ['learner']),
    ]);
    [educator, learner, manager] = people.slice(0, 3).map((p) => p.session);
    outsider = people[3];
  });

  afterAll(async () => {
    await world.stop();
  });

  describe('the request body', () => {
    it('takes the CSV as a text/csv body or as the multipart field "file"', async () => {
      const [a, b] = [world.email('body-csv'), world.email('body-multipart')];
      const asText = await world
        .http()
        .post('/api/v1/members/import')
        .set(...bearer(org.admin))
        .set('Content-Type', 'text/csv; charset=utf-8')
        .send(`email,name\n${a},Text Body\n`)
        .expect(200);
      expect(asText.body).toEqual({ created: 1, updated: 0, unchanged: 0, invited: 1, dryRun: false });
      const asFile = await world
        .http()
        .post('/api/v1/members/import')
        .set(...bearer(org.admin))
        .attach('file', Buffer.from(`email,name\n${b},File Body\n`), 'roster.csv')
        .expect(200);
      expect(asFile.body).toEqual({ created: 1, updated: 0, unchanged: 0, invited: 1, dryRun: false });
      expect(await member(a)).toMatchObject({ name: 'Text Body', status: 'invited' });
      expect(await member(b)).toMatchObject({ name: 'File Body', status: 'invited' });
    });

    it('answers 415 for any other content type', async () => {
      const before = await snapshot();
      const csv = `email,name\n${world.email('wrong-type')},Nope\n`;
      for (const type of ['application/json', 'application/octet-stream', 'application/xml']) {
        const res = await world
          .http()
          .post('/api/v1/members/import')
          .set(...bearer(org.admin))
          .set('Content-Type', type)
          .send(type === 'application/json' ? JSON.stringify({ csv }) : csv);
        expectProblem(res, 415);
      }
      const formEncoded = await world
        .http()
        .post('/api/v1/members/import')
        .set(...bearer(org.admin))
        .type('form')
        .send({ csv });
      expectProblem(formEncoded, 415);
      expect(await snapshot()).toEqual(before);
    });

    it('answers 400 naming "file" for a multipart body without that field', async () => {
      const onlyText = await world
        .http()
        .post('/api/v1/members/import')
        .set(...bearer(org.admin))
        .field('roster', `email,name\n${world.email('no-file')},No File\n`);
      expectProblem(onlyText, 400);
      expect(onlyText.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
      const otherField = await world
        .http()
        .post('/api/v1/members/import')
        .set(...bearer(org.admin))
        .attach('roster', Buffer.from('email,name\n'), 'roster.csv');
      expectProblem(otherField, 400);
    });

    it('refuses a body over 25 MB (text/csv or multipart) with a quick 413 and keeps serving', async () => {
      const line = `big@example.test,${'X'.repeat(180)}\n`;
      const big = Buffer.from('email,name\n' + line.repeat(Math.ceil((26 * 1024 * 1024) / line.length)));
      expect(big.length).toBeGreaterThan(26 * 1024 * 1024);
      const before = await snapshot();

      let started = Date.now();
      const asText = await importCsv(org.admin, big);
      expectProblem(asText, 413);
      expect(Date.now() - started).toBeLessThan(10_000);

      started = Date.now();
      const asFile = await world
        .http()
        .post('/api/v1/members/import')
        .set(...bearer(org.admin))
        .attach('file', big, 'roster.csv');
      expectProblem(asFile, 413);
      expect(Date.now() - started).toBeLessThan(10_000);

      expect(await snapshot()).toEqual(before);
      await world.http().get('/health/ready').expect(200);
      const after = await importCsv(org.admin, `email,name\n${world.email('after-big')},Still Here\n`).expect(
        200,
      );
      expect(after.body).toMatchObject({ created: 1 });
    });
  });

  describe('imports at once', () => {
    /** Starts an import whose body stays open until `finish` is called: it holds its slot meanwhile. */
    async function holdImport(session: Session) {
      const server = world.app.getHttpServer() as Server;
      if (!server.listening) await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      const { port } = server.address() as AddressInfo;
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/members/import?dryRun=true',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${session.accessToken}` },
      });
      const answer = new Promise<{ status: number; body: string }>((done, fail) => {
        req.on('response', (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => done({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', fail);
      });
      req.write('email,name\n');
      return {
        finish: async () => {
          req.end(`${world.email('held')},Held\n`);
          return answer;
        },
      };
    }

    const dryRun = (session: Session) =>
      importCsv(session, `email,name\n${world.email('probe')},Probe\n`, '?dryRun=true');

    /** Waits until the held import has its slot: until a probe of the same organization is refused. */
    /**
     * Waits until the held import of the organization has taken its slot (probing with imports would race it for
     * the slot), then shows that one more import of it is refused.
     */
    const admitted = async (organization: TestOrganization) => {
      const slots = world.app.get(ImportSlots);
      await until('the held import has its slot', () => slots.isRunning(organization.id));
      return dryRun(organization.admin);
    };

    it('runs one import per organization and two across the api; the rest get 429 with Retry-After, not read', async () => {
      const first = await holdImport(org.admin);
      const sameOrganization = await admitted(org);
      expectProblem(sameOrganization, 429);
      expect(sameOrganization.headers['retry-after']).toMatch(/^\d+$/);
      expect(sameOrganization.body.detail).toMatch(/Another roster import of this organization is running/);

      const second = await holdImport(other.admin);
      expectProblem(await admitted(other), 429);
      const third = await dryRun(solo.admin);
      expectProblem(third, 429);
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
      expect(third.body.detail).toMatch(/Too many roster imports are running/);

      expect((await first.finish()).status).toBe(200);
      expect((await second.finish()).status).toBe(200);
      // The slots are free again, for a failed import too.
      expectProblem(await importCsv(solo.admin, 'email,name\nnot-an-email,X\n'), 422);
      await dryRun(solo.admin).expect(200);
      await dryRun(org.admin).expect(200);
    });
  });

  describe('dry run', () => {
    it('reports what would change and writes nothing', async () => {
      const existing = await fixture({ email: world.email('dry-existing'), name: 'Dry Existing' });
      const fresh = world.email('dry-new');
      const csv = fullCsv(
        { email: fresh, name: 'Dry New', site: 'Main Campus', department: 'ICU' },
        { email: existing.email, job_title: 'Night Nurse', manager_email: fresh },
      );
      const before = await snapshot();
      const res = await importCsv(org.admin, csv, '?dryRun=true').expect(200);
      expect(res.body).toEqual({ created: 1, updated: 1, unchanged: 0, invited: 1, dryRun: true });
      expect(await snapshot()).toEqual(before);
      expect(await member(existing.email)).toMatchObject({ jobTitle: null, managerId: null });

      const invalid = await importCsv(org.admin, csv, '?dryRun=maybe');
      expectProblem(invalid, 400);
      expect(await snapshot()).toEqual(before);

      const bad = await importCsv(org.admin, `email,name\nnot-an-email,X\n`, '?dryRun=true');
      expectProblem(bad, 422);
      expect(rowsAndFields(bad.body.errors)).toEqual([{ row: 2, field: 'email' }]);

      const real = await importCsv(org.admin, csv, '?dryRun=false').expect(200);
      expect(real.body).toEqual({ created: 1, updated: 1, unchanged: 0, invited: 1, dryRun: false });
      expect(await member(existing.email)).toMatchObject({ jobTitle: 'Night Nurse' });
    });
  });

  describe('bad rows', () => {
    it('reports every bad row of a file together, at the line where its record starts, and writes nothing', async () => {
      const holder = await fixture({ email: world.email('holder'), name: 'Holder', employeeId: 'EX-1' });
      const e = (label: string) => world.email(`bad-${label}`);
      const dup = e('dup');
      const self = e('self');
      const lines = [
        HEADER.join(','), // 1
        record({ email: 'not-an-email', name: 'Bad Email' }), // 2
        record({ email: '', name: 'No Email' }), // 3
        '', // 4: empty lines count
        record({ email: dup, name: 'Dup One' }), // 5
        record({ email: dup.toUpperCase(), name: 'Dup Two' }), // 6: duplicate email (case-insensitive)
        record({ email: e('id1'), name: 'Id One', employee_id: 'ID-1' }), // 7
        record({ email: e('id2'), name: 'Id Two', employee_id: 'ID-1' }), // 8: duplicate employee_id
        record({ email: e('taken'), name: 'Taken', employee_id: 'EX-1' }), // 9: another member's employee_id
        record({ email: e('noname') }), // 10: a new member needs a name
        record({ email: e('site'), name: 'Site', site: 'Nowhere' }), // 11
        record({ email: e('dept'), name: 'Dept', site: 'North Clinic', department: 'ICU' }), // 12: ICU is at Main
        record({ email: e('nosite'), name: 'No Site', department: 'Emergency' }), // 13
        record({ email: e('role'), name: 'Role', roles: 'learner;wizard' }), // 14
        record({ email: e('multi'), name: 'Multi', job_title: 'Charge\nNurse' }), // 15-16: fine
        record({ email: e('state'), name: 'State', license_type: 'RN', license_state: 'Texas' }), // 17
        record({ email: e('type'), name: 'Type', license_type: 'RN' }), // 18: type without state
        record({ email: e('boss'), name: 'Boss', manager_email: 'ghost@example.test' }), // 19
        record({ email: self, name: 'Self', manager_email: self }), // 20
        `${e('short')},Short`, // 21: 2 fields of 10
        '', // 22
        record({ email: e('lines'), name: 'Two\r\nLines', site: 'Nowhere' }), // 23-24
        record({ email: e('both'), name: 'Both', site: 'Nowhere', manager_email: 'ghost2@example.test' }), // 25
      ];
      const errors = await expectRowErrors(org.admin, lines.join('\n') + '\n', [
        { row: 2, field: 'email' },
        { row: 3, field: 'email' },
        { row: 6, field: 'email' },
        { row: 8, field: 'employee_id' },
        { row: 9, field: 'employee_id' },
        { row: 10, field: 'name' },
        { row: 11, field: 'site' },
        { row: 12, field: 'department' },
        { row: 13, field: 'department' },
        { row: 14, field: 'roles' },
        { row: 17, field: 'license_state' },
        { row: 18, field: 'license_state' },
        { row: 19, field: 'manager_email' },
        { row: 20, field: 'manager_email' },
        { row: 21, field: 'employee_id' },
        { row: 23, field: 'site' },
        { row: 25, field: 'site' },
        { row: 25, field: 'manager_email' },
      ]);
      expect(errors.find((x) => x.row === 6)?.message).toContain('line 5');
      expect(errors.find((x) => x.row === 8)?.message).toContain('line 7');
      expect(errors.find((x) => x.row === 9)?.message).toContain(holder.email);
    });

    it('counts CRLF line ends, a BOM and quoted line breaks the same way', async () => {
      const body =
        '\ufeff' +
        [
          'email,name,job_title',
          '',
          `${world.email('crlf-a')},"Ann\r\nMulti","Charge\r\nNurse"`,
          'bad@,Bad,',
          '',
          `${world.email('crlf-b')},,RN`,
        ].join('\r\n') +
        '\r\n';
      // Line 3 opens a record whose two quoted fields each hold a CRLF: it ends on line 5.
      await expectRowErrors(org.admin, body, [
        { row: 6, field: 'email' },
        { row: 8, field: 'name' },
      ]);
    });

    it('refuses a header with an unknown column (row 1) or without email, and an empty file', async () => {
      await expectRowErrors(org.admin, `email,name,favourite_colour\nnot-an-email,X,blue\n`, [
        { row: 1, field: 'favourite_colour' },
        { row: 2, field: 'email' },
      ]);
      await expectRowErrors(org.admin, `name,site\nNo Email,Main Campus\n`, [{ row: 1, field: 'email' }]);
      await expectRowErrors(org.admin, '', [{ row: 1, field: 'email' }]);
      await expectRowErrors(org.admin, '\ufeff\n\n', [{ row: 1, field: 'email' }]);
    });

    it('refuses invalid CSV at the line where the broken record starts, with the rows before it', async () => {
      const body = `email,name\nnot-an-email,X\n\n${world.email('unclosed')},"Never closed\n${world.email('later')},Y\n`;
      const errors = await expectRowErrors(org.admin, body, [
        { row: 2, field: 'email' },
        { row: 4, field: 'name' },
      ]);
      expect(errors[1].message).toMatch(/not valid CSV/);
    });

    it('refuses a file that is not clean UTF-8 (Latin-1, a NUL, a U+FFFD) at its first bad line, dry run or not, as text or multipart', async () => {
      const files: Array<[string, Buffer, RegExp]> = [
        [
          'latin-1',
          Buffer.from(`email,name\n${world.email('ok')},Ana\n${world.email('latin')},José Muñoz\n`, 'latin1'),
          /not valid UTF-8/,
        ],
        [
          'nul',
          Buffer.from(`email,name\n${world.email('ok')},Ana\n${world.email('nul')},Jo\u0000se\n`),
          /NUL/,
        ],
        [
          'replacement',
          Buffer.from(`email,name\n${world.email('ok')},Ana\n${world.email('fffd')},Jos\ufffd Mu\ufffdoz\n`),
          /U\+FFFD/,
        ],
      ];
      for (const [, body, message] of files) {
        const before = await snapshot();
        const answers = [
          await importCsv(org.admin, body, '?dryRun=true'),
          await importCsv(org.admin, body),
          await world
            .http()
            .post('/api/v1/members/import')
            .set(...bearer(org.admin))
            .attach('file', body, 'roster.csv'),
        ];
        for (const res of answers) {
          expectProblem(res, 422);
          expect(res.body.errors).toEqual([
            { row: 3, field: 'file', message: expect.stringMatching(message) },
          ]);
        }
        expect(await snapshot()).toEqual(before);
      }
      // A UTF-8 file with the same names (and a BOM) goes in.
      const email = world.email('utf8');
      await importCsv(org.admin, Buffer.from(`\ufeffemail,name\r\n${email},José Muñoz\r\n`)).expect(200);
      expect(await member(email)).toMatchObject({ name: 'José Muñoz' });
    });

    it('accepts a header without rows as an import of nothing', async () => {
      const before = await snapshot();
      const res = await importCsv(org.admin, `${HEADER.join(',')}\n`).expect(200);
      expect(res.body).toEqual({ created: 0, updated: 0, unchanged: 0, invited: 0, dryRun: false });
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('matching and updates', () => {
    it('creates members with site, department, roles, license and a manager from earlier in the file (BOM, CRLF)', async () => {
      const [lead, nurse, plain] = [world.email('lead'), world.email('nurse'), world.email('plain')];
      const csv =
        '\ufeff' +
        [
          HEADER.join(','),
          record({
            email: lead,
            name: 'Lee Lead',
            employee_id: 'E-LEAD',
            site: 'Main Campus',
            department: 'Emergency',
            job_title: 'Charge Nurse',
            roles: 'manager;learner',
            license_type: 'RN',
            license_state: 'TX',
          }),
          record({
            email: nurse.toUpperCase(),
            name: 'Nia Nurse',
            site: 'north clinic',
            department: 'emergency',
            manager_email: lead.toUpperCase(),
            license_type: 'RN',
            license_state: 'tx',
          }),
          record({ email: plain, name: 'Pat Plain' }),
        ].join('\r\n');
      const res = await importCsv(org.admin, csv).expect(200);
      expect(res.body).toEqual({ created: 3, updated: 0, unchanged: 0, invited: 3, dryRun: false });

      const leadMember = await member(lead);
      expect(leadMember).toMatchObject({
        name: 'Lee Lead',
        status: 'invited',
        employeeId: 'E-LEAD',
        siteId: sites['Main Campus'],
        departmentId: departments['Main Campus/Emergency'],
        jobTitle: 'Charge Nurse',
        roles: expect.arrayContaining(['manager', 'learner']),
        license: { type: 'RN', state: 'TX' },
      });
      expect(leadMember.roles).toHaveLength(2);
      // `department` is looked up within the row's site: North Clinic's Emergency, not Main Campus's.
      expect(await member(nurse)).toMatchObject({
        email: nurse,
        siteId: sites['North Clinic'],
        departmentId: departments['North Clinic/Emergency'],
        managerId: leadMember.id,
        roles: ['learner'],
        license: { type: 'RN', state: 'TX' },
      });
      expect(await member(plain)).toMatchObject({ roles: ['learner'], siteId: null, managerId: null });
    });

    it('matches members by employee_id, else by email, ignoring the case of emails', async () => {
      const a = await fixture({ email: world.email('match-a'), name: 'Match A', employeeId: 'M-1' });
      const b = await fixture({ email: world.email('match-b'), name: 'Match B' });
      const count = (await members()).length;
      const res = await importCsv(
        org.admin,
        `email,employee_id,job_title\n${a.email.toUpperCase()},M-1,Nurse\n${b.email.toUpperCase()},M-2,Tech\n`,
      ).expect(200);
      expect(res.body).toMatchObject({ created: 0, updated: 2, unchanged: 0, invited: 0 });
      expect((await members()).length).toBe(count);
      expect(await member(a.email)).toMatchObject({ id: a.id, jobTitle: 'Nurse', employeeId: 'M-1' });
      expect(await member(b.email)).toMatchObject({ id: b.id, jobTitle: 'Tech', employeeId: 'M-2' });

      // Matched by employee_id: the employee_id is A's, so B's email on it is another member's employee_id.
      await expectRowErrors(org.admin, `email,employee_id,job_title\n${b.email},M-1,Boss\n`, [
        { row: 2, field: 'employee_id' },
      ]);
    });

    it('keeps the current value for an empty cell: a file of email,job_title only changes job titles', async () => {
      const boss = await fixture({ email: world.email('keep-boss'), name: 'Keep Boss', roles: ['manager'] });
      const kept = await fixture({
        email: world.email('keep'),
        name: 'Keep Me',
        roles: ['learner', 'manager'],
        siteId: sites['Main Campus'],
        departmentId: departments['Main Campus/ICU'],
        jobTitle: 'RN',
        employeeId: 'K-1',
        managerId: boss.id,
        license: { type: 'RN', state: 'CA' },
      });
      const res = await importCsv(org.admin, `email,job_title\n${kept.email},Senior RN\n`).expect(200);
      expect(res.body).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
      const after = await member(kept.email);
      expect(after).toEqual({ ...kept, jobTitle: 'Senior RN', updatedAt: expect.any(String) });

      // Every column present, every cell but the email empty: nothing changes.
      const empty = await importCsv(org.admin, fullCsv({ email: kept.email })).expect(200);
      expect(empty.body).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
      expect(await member(kept.email)).toEqual(after);
    });

    it('replaces the roles when the roles cell is given; new members default to learner', async () => {
      const changed = await fixture({
        email: world.email('roles'),
        name: 'Roles',
        roles: ['learner', 'manager'],
      });
      const fresh = world.email('roles-new');
      const res = await importCsv(
        org.admin,
        `email,name,roles\n${changed.email},,Educator\n${fresh},New,\n`,
      ).expect(200);
      expect(res.body).toMatchObject({ created: 1, updated: 1 });
      expect((await member(changed.email)).roles).toEqual(['educator']);
      expect((await member(fresh)).roles).toEqual(['learner']);
    });

    it('adds a person with an account in another organization as a new invited member, showing the imported name until they accept', async () => {
      const res = await importCsv(
        org.admin,
        `email,name\n${outsider.email.toUpperCase()},Someone Else\n`,
      ).expect(200);
      expect(res.body).toMatchObject({ created: 1, invited: 1 });
      const joined = await member(outsider.email);
      expect(joined).toMatchObject({ status: 'invited', name: 'Someone Else' });
      expect(joined).not.toHaveProperty('userId');

      const mail = await world.mail.waitForMatching(outsider.email, isInvitation);
      expect(mail.text).toContain('already have a Beacon account');
      const [notification] = await world.ownerQuery<{ payload: { existingAccount: boolean } }>(
        `SELECT payload FROM notifications WHERE kind = 'invitation' AND organization_id = $1 AND recipient_email = $2`,
        [org.id, outsider.email],
      );
      expect(notification.payload.existingAccount).toBe(true);

      const session = await world.acceptInvitation(outsider.email, 1, PASSWORD);
      expect(session.user).toMatchObject({ id: outsider.session.user.id, name: 'learner person' });
      expect(session.memberships.map((m) => m.organizationId).sort()).toEqual([org.id, other.id].sort());
      expect(await member(outsider.email)).toMatchObject({ status: 'active', name: 'learner person' });
    });
  });

  describe('idempotency and side effects', () => {
    it('invites each new member once with a link that can be accepted, and records one audit event', async () => {
      const emails = [world.email('invite-a'), world.email('invite-b')];
      const auditsBefore = await importedAuditEvents(org.id);
      const res = await importCsv(
        org.admin,
        `email,name,site\n${emails[0]},Invite A,Main Campus\n${emails[1]},Invite B,\n`,
      ).expect(200);
      expect(res.body).toEqual({ created: 2, updated: 0, unchanged: 0, invited: 2, dryRun: false });
      expect(await importedAuditEvents(org.id)).toBe(auditsBefore + 1);
      const audit = await world
        .http()
        .get('/api/v1/audit-events?entityType=member')
        .set(...bearer(org.admin))
        .expect(200);
      const event = (audit.body.items as Array<{ action: string }>).find(
        (e) => e.action === 'member.imported',
      );
      expect(event).toMatchObject({
        action: 'member.imported',
        entityType: 'member',
        actorType: 'member',
        actorId: (await member(org.admin.user.email)).id,
        changes: {
          created: { from: null, to: 2 },
          updated: { from: null, to: 0 },
          unchanged: { from: null, to: 0 },
          invited: { from: null, to: 2 },
        },
      });

      for (const email of emails) {
        expect(await member(email)).toMatchObject({ status: 'invited' });
        const mail = await world.mail.waitForMatching(email, isInvitation);
        expect(mail.text).toContain('http://beacon.test/invite?token=');
        const session = await world.acceptInvitation(email);
        expect(session.organizationId).toBe(org.id);
        expect(session.roles).toEqual(['learner']);
        expect(await member(email)).toMatchObject({ status: 'active' });
      }
      const invitations = await world.ownerQuery<{ n: number }>(
        `SELECT count(*)::int AS n FROM notifications WHERE kind = 'invitation' AND recipient_email = ANY($1)`,
        [emails],
      );
      expect(invitations[0].n).toBe(2);
      expect(emails.map((email) => world.mail.to(email).filter(isInvitation).length)).toEqual([1, 1]);
    });

    it('has the worker relay the mail of a large import: each of 250 new members gets one invitation', async () => {
      const bulk = await world.createOrganization('Bulk Health');
      const emails = Array.from({ length: 250 }, (_, i) => world.email(`bulk-${i}`));
      const csv = `email,name\n${emails.map((email, i) => `${email},Bulk ${i}`).join('\n')}\n`;
      const res = await importCsv(bulk.admin, csv).expect(200);
      expect(res.body).toMatchObject({ created: 250, invited: 250 });
      for (const email of emails) await world.mail.waitForMatching(email, isInvitation, 1, 30_000);
      expect(emails.filter((email) => world.mail.to(email).filter(isInvitation).length !== 1)).toEqual([]);
      // The sink has a mail a moment before its sender marks the row sent.
      await until('every notification of the import is marked sent', async () => {
        const [pending] = await world.ownerQuery<{ n: number }>(
          `SELECT count(*)::int AS n FROM notifications WHERE organization_id = $1 AND status <> 'sent'`,
          [bulk.id],
        );
        return pending.n === 0;
      });
    });

    it('changes nothing when the same file is imported a second time', async () => {
      const [a, b, c] = [world.email('twice-a'), world.email('twice-b'), world.email('twice-c')];
      const csv = fullCsv(
        {
          email: a,
          name: 'Twice A',
          employee_id: 'T-1',
          site: 'Main Campus',
          department: 'Radiology',
          roles: 'manager;learner',
          license_type: 'RN',
          license_state: 'NY',
        },
        { email: b, name: 'Twice B', manager_email: a, job_title: 'Tech' },
        { email: c.toUpperCase(), name: 'Twice C', site: 'North Clinic', roles: 'learner' },
      );
      const first = await importCsv(org.admin, csv).expect(200);
      expect(first.body).toMatchObject({ created: 3, updated: 0, unchanged: 0, invited: 3 });
      await Promise.all([a, b, c].map((email) => world.mail.waitFor(email)));

      const before = await snapshot();
      const second = await world
        .http()
        .post('/api/v1/members/import')
        .set(...bearer(org.admin))
        .attach('file', Buffer.from(csv), 'roster.csv')
        .expect(200);
      expect(second.body).toEqual({ created: 0, updated: 0, unchanged: 3, invited: 0, dryRun: false });
      expect(await snapshot()).toEqual(before);
      // The outbox polls every second: give it the chance to send anything a second run might have queued.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect([a, b, c].map((email) => world.mail.to(email).length)).toEqual([1, 1, 1]);
    });

    it("enrolls imported members who match a cohort's target and withdraws them when a re-import moves them out", async () => {
      const courses = await world
        .http()
        .get('/api/v1/courses')
        .set(...bearer(org.admin))
        .expect(200);
      const courseId = courses.body.items.find((c: { code: string }) => c.code === 'HT-101').id;
      const cohort = await world
        .http()
        .post('/api/v1/cohorts')
        .set(...bearer(org.admin))
        .send({
          name: 'Cardiology onboarding',
          courseId,
          target: { departmentIds: [departments['Main Campus/Cardiology']] },
          dueInDays: 30,
        })
        .expect(201);
      expect(cohort.body.enrolledCount).toBe(0);

      const emails = [world.email('cardio-a'), world.email('cardio-b')];
      const into = (department: string) =>
        `email,name,site,department\n${emails.map((e, i) => `${e},Cardio ${i},Main Campus,${department}`).join('\n')}\n`;
      const res = await importCsv(org.admin, into('Cardiology')).expect(200);
      expect(res.body).toMatchObject({ created: 2 });
      const ids = await Promise.all(emails.map(async (email) => (await member(email)).id));

      const enrollments = async () =>
        (
          await world
            .http()
            .get(`/api/v1/cohorts/${cohort.body.id}/enrollments`)
            .set(...bearer(org.admin))
            .expect(200)
        ).body.items as Array<{ memberId: string; status: string }>;
      const enrolled = await enrollments();
      expect(enrolled.map((e) => e.memberId).sort()).toEqual([...ids].sort());
      expect(enrolled.map((e) => e.status)).toEqual(['not_started', 'not_started']);
      for (const email of emails) {
        const notifications = await world
          .http()
          .get(`/api/v1/notifications?kind=assignment_created&recipient=${encodeURIComponent(email)}`)
          .set(...bearer(org.admin))
          .expect(200);
        expect(notifications.body.items).toHaveLength(1);
      }

      // Importing the same file again enrolls no one twice.
      await importCsv(org.admin, into('Cardiology')).expect(200);
      expect(await enrollments()).toHaveLength(2);

      const moved = await importCsv(org.admin, into('Radiology')).expect(200);
      expect(moved.body).toMatchObject({ created: 0, updated: 2 });
      const after = await enrollments();
      expect(after.filter((e) => ids.includes(e.memberId)).map((e) => e.status)).toEqual([
        'withdrawn',
        'withdrawn',
      ]);
      const notified = await world.ownerQuery<{ n: number }>(
        `SELECT count(*)::int AS n FROM notifications WHERE kind = 'assignment_created' AND recipient_email = ANY($1)`,
        [emails],
      );
      expect(notified[0].n).toBe(2);
    });
  });

  describe('who may import', () => {
    it('refuses learners and managers with 403', async () => {
      const before = await snapshot();
      for (const session of [learner, manager]) {
        const res = await importCsv(session, `email,name\n${world.email('refused')},Refused\n`);
        expectProblem(res, 403);
      }
      expect(await snapshot()).toEqual(before);
    });

    it('lets an educator import, but not grant or remove org_admin; an org_admin may grant it', async () => {
      const fresh = world.email('by-educator');
      const res = await importCsv(
        educator,
        `email,name,roles\n${fresh},By Educator,learner;manager\n`,
      ).expect(200);
      expect(res.body).toMatchObject({ created: 1, invited: 1 });
      expect((await member(fresh)).roles).toEqual(expect.arrayContaining(['learner', 'manager']));

      const promoted = world.email('promoted');
      await expectRowErrors(
        educator,
        `email,name,roles\n${world.email('ok')},Fine,learner\n${promoted},Promoted,org_admin;learner\n${org.admin.user.email},,educator\n`,
        [
          { row: 3, field: 'roles' },
          { row: 4, field: 'roles' },
        ],
      );

      const byAdmin = await importCsv(
        org.admin,
        `email,name,roles\n${promoted},Promoted,org_admin;learner\n`,
      ).expect(200);
      expect(byAdmin.body).toMatchObject({ created: 1 });
      expect((await member(promoted)).roles).toEqual(expect.arrayContaining(['org_admin', 'learner']));
    });

    it('refuses to remove the last org_admin, but allows it when the file names another', async () => {
      const admin = solo.admin.user.email;
      await expectRowErrors(solo.admin, `email,roles\n${admin},learner\n`, [{ row: 2, field: 'roles' }]);
      const next = world.email('next-admin');
      const res = await importCsv(
        solo.admin,
        `email,name,roles\n${admin},,learner\n${next},Next Admin,org_admin\n`,
      ).expect(200);
      expect(res.body).toMatchObject({ created: 1, updated: 1 });
      // (the demoted admin may no longer list members)
      const roles = await world.ownerQuery<{ email: string; roles: string[] }>(
        `SELECT u.email, m.roles FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = $1`,
        [solo.id],
      );
      expect(roles.map((r) => [r.email, r.roles]).sort()).toEqual([
        [admin, ['learner']],
        [next, ['org_admin']],
      ]);
      await importCsv(solo.admin, `email,name\n${world.email('after-demotion')},X\n`).expect(403);
    });
  });
});
