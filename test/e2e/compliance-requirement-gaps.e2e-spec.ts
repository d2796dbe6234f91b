import type { Response } from 'supertest';
import {
  LICENSE_CATEGORIES,
  LICENSE_CATEGORY_ALIASES,
  licenseCategory,
  licenseCategoryFunctionSql,
  RequirementGapsReportSource,
} from '@beacon/compliance';
import { LICENSE_CATEGORY_FUNCTIONS } from '../../migrations/1764710000000-license-categories';
import {
  AnswerKey,
  courseModuleIds,
  createCohort,
  createDepartment,
  createSite,
  findHt101,
  loadAnswerKey,
  myEnrollments,
  passCourse,
} from '../support/learning';
import { bearer, Session, TestApp, TestOrganization } from '../support/test-app';

jest.setTimeout(120_000);

interface GapItem {
  member: { id: string; name: string; employeeId: string | null };
  site: { id: string; name: string } | null;
  department: { id: string; name: string } | null;
  license: { type: string | null; category: string | null; state: string; expiresOn: string | null };
  rule: {
    id: string;
    code: string;
    state: string;
    hours: number | null;
    frequency: string;
    everyNRenewals: number | null;
    frequencyNote: string | null;
    approvalMode: string;
    confidence: string;
    unconfirmed: boolean;
    needsReview: boolean;
    note: string | null;
  } | null;
  unconfirmed: boolean;
  dueBy: string | null;
  overdue: boolean;
  periodStart: string | null;
  status: 'met' | 'open';
  reasonCode: string | null;
  reason: string | null;
  satisfiedBy: {
    id: string;
    number: string;
    courseCode: string;
    completedOn: string;
    creditHours: number;
    approvalId: string | null;
  } | null;
}

const ITEM_KEYS = [
  'department',
  'dueBy',
  'license',
  'member',
  'overdue',
  'periodStart',
  'reason',
  'reasonCode',
  'rule',
  'satisfiedBy',
  'site',
  'status',
  'unconfirmed',
];

/** The provider holds approvals for Texas nurses and Florida nurses only; nothing for Virginia or Texas physicians. */
const APPROVALS = [
  { state: 'TX', courseCode: 'HT-101', licenseTypes: ['RN', 'LVN'], approvalId: 'HHSC-TEST-1' },
  { state: 'FL', courseCode: 'HT-101', licenseTypes: ['RN', 'LPN', 'APRN'], approvalId: 'FL-BON-TEST' },
];

/** A date `days` from today (UTC), as YYYY-MM-DD. */
function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

function expectProblem(res: Response, status: number, field?: string): void {
  expect({ status: res.status, type: res.headers['content-type'] }).toEqual({
    status,
    type: expect.stringMatching(/^application\/problem\+json/),
  });
  if (field !== undefined)
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
}

describe('state requirement gaps: who owes state-mandated HT training, by when, and why', () => {
  let world: TestApp;
  let org: TestOrganization;
  let other: TestOrganization;
  let educator: Session;
  let learner: Session;
  let courseId: string;
  let moduleIds: string[];
  let answerKey: AnswerKey;
  let siteId: string;
  let completersId: string;
  let othersId: string;
  /** Morgan manages Dana (a manager too) and the Florida nurse; Dana manages the Texas nurse. */
  let morgan: { memberId: string; session: Session };
  let dana: { memberId: string; session: Session };
  const m: Record<string, string> = {};

  const gaps = (session: Session | null, query = '') => {
    const req = world.http().get(`/api/v1/compliance/requirement-gaps${query}`);
    return session ? req.set(...bearer(session)) : req;
  };

  async function all(session: Session, query = '', limit = 200): Promise<GapItem[]> {
    const items: GapItem[] = [];
    let cursor: string | null = null;
    do {
      const params = new URLSearchParams(query);
      params.set('limit', String(limit));
      if (cursor) params.set('cursor', cursor);
      const res = await gaps(session, `?${params.toString()}`).expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(limit);
      items.push(...(res.body.items as GapItem[]));
      cursor = res.body.nextCursor as string | null;
    } while (cursor);
    return items;
  }

  /** A learner with the license, in a department; completers are enrolled in HT-101 at once and pass it. */
  async function licensed(
    key: string,
    license: Record<string, unknown> | null,
    extra: Record<string, unknown> = {},
    complete = false,
  ): Promise<void> {
    const member = await world.addMember(org, ['learner'], {
      name: `Member ${key}`,
      employeeId: `E-${key}`,
      siteId,
      departmentId: complete ? completersId : othersId,
      ...(license ? { license } : {}),
      ...extra,
    });
    m[key] = member.memberId;
    if (complete) {
      const [enrollment] = await myEnrollments(world, member.session);
      const result = await passCourse(world, member.session, enrollment.id, moduleIds, answerKey);
      expect(result.certificateId).toEqual(expect.any(String));
    }
  }

  const rowsOf = (items: GapItem[], key: string) => items.filter((item) => item.member.id === m[key]);

  beforeAll(async () => {
    world = await TestApp.start({ env: { PROVIDER_STATE_APPROVALS: JSON.stringify(APPROVALS) } });
    org = await world.createOrganization('Gap Health');
    other = await world.createOrganization('Other Health');
    educator = (await world.addMember(org, ['educator'])).session;
    learner = (await world.addMember(org, ['learner'])).session;
    morgan = await world.addMember(org, ['manager'], { name: 'Morgan Manager' });
    dana = await world.addMember(org, ['manager'], { name: 'Dana Manager', managerId: morgan.memberId });

    const platform = await world.platformAdmin();
    const course = await findHt101(world, org.admin);
    courseId = course.id;
    moduleIds = await courseModuleIds(world, org.admin, courseId);
    answerKey = await loadAnswerKey(world, platform, courseId);
    siteId = await createSite(world, org.admin, 'Main Hospital');
    completersId = await createDepartment(world, org.admin, siteId, 'Emergency');
    othersId = await createDepartment(world, org.admin, siteId, 'Radiology', 'other');
    await createCohort(world, org.admin, {
      name: 'HT-101 for the ED',
      courseId,
      target: { departmentIds: [completersId] },
      dueInDays: 30,
    });

    await licensed(
      'txRn',
      { type: 'R.N.', state: 'TX', expiresOn: inDays(400) },
      { managerId: dana.memberId },
      true,
    );
    await licensed('txLvn', { type: 'Licensed Vocational Nurse', state: 'TX', expiresOn: inDays(200) });
    await licensed(
      'flRn',
      { type: 'Registered Nurse', state: 'FL', expiresOn: inDays(300) },
      {
        managerId: morgan.memberId,
      },
      true,
    );
    await licensed('vaMd', { type: 'M.D.', state: 'VA', expiresOn: inDays(100) }, {}, true);
    await licensed('txMd', { type: 'MD', state: 'TX', expiresOn: inDays(-10) });
    await licensed('txUnknown', { type: 'Nurse', state: 'TX' });
    await licensed('txSocialWorker', { type: 'LCSW', state: 'TX', expiresOn: inDays(50) });
    await licensed('caRn', { type: 'RN', state: 'CA', expiresOn: inDays(50) });
    await licensed('noLicense', null);
    await licensed('gone', { type: 'RN', state: 'TX', expiresOn: inDays(20) });
    await world
      .http()
      .post(`/api/v1/members/${m.gone}/deactivate`)
      .set(...bearer(org.admin))
      .expect(200);

    await world.addMember(other, ['learner'], {
      license: { type: 'RN', state: 'TX', expiresOn: inDays(30) },
    });
    // The org_admin also holds a license as a member of the other organization: their own membership there is
    // visible to them under row-level security, and must still not count as this organization's.
    const elsewhere = await world
      .http()
      .post('/api/v1/members')
      .set(...bearer(other.admin))
      .send({
        email: org.admin.user.email,
        name: 'Admin Elsewhere',
        roles: ['learner'],
        invite: false,
        license: { type: 'RN', state: 'TX', expiresOn: inDays(60) },
      })
      .expect(201);
    m.adminElsewhere = elsewhere.body.id as string;
  });

  afterAll(async () => {
    await world?.stop();
  });

  it('lists open gaps by default, with every field, soonest due first', async () => {
    const res = await gaps(org.admin).expect(200);
    const items = res.body.items as GapItem[];
    expect(Object.keys(items[0]).sort()).toEqual(ITEM_KEYS);
    expect(items.every((item) => item.status === 'open')).toBe(true);
    const dues = items.map((item) => item.dueBy ?? '9999-12-31');
    expect(dues).toEqual([...dues].sort());
    // Nobody of another organization, nobody deactivated, no license without a rule.
    const members = new Set(items.map((item) => item.member.id));
    for (const key of ['gone', 'txSocialWorker', 'caRn', 'noLicense', 'txRn'])
      expect([key, members.has(m[key])]).toEqual([key, false]);
  });

  it('meets a Texas RN rule with an approved HT-101 certificate in the renewal period, and says which', async () => {
    const rows = rowsOf(await all(org.admin, 'status=all'), 'txRn');
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({
      member: { id: m.txRn, name: 'Member txRn', employeeId: 'E-txRn' },
      site: { id: siteId, name: 'Main Hospital' },
      department: { id: completersId, name: 'Emergency' },
      license: { type: 'R.N.', category: 'RN', state: 'TX', expiresOn: inDays(400) },
      rule: { code: 'tx-nurses', state: 'TX', hours: null, frequency: 'each_renewal', unconfirmed: false },
      dueBy: inDays(400),
      overdue: false,
      status: 'met',
      reasonCode: null,
      reason: null,
      satisfiedBy: { courseCode: 'HT-101', creditHours: 1, approvalId: 'HHSC-TEST-1' },
    });
    expect(row.rule?.needsReview).toBe(true);
    expect(row.periodStart).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const certificate = await world
      .http()
      .get(`/api/v1/certificates/${row.satisfiedBy?.id}`)
      .set(...bearer(org.admin))
      .expect(200);
    expect(certificate.body.number).toBe(row.satisfiedBy?.number);
  });

  it('keeps a Texas LVN open until they complete: the approval exists, the completion does not', async () => {
    const [row] = rowsOf(await all(org.admin), 'txLvn');
    expect(row).toMatchObject({
      license: { category: 'LVN' },
      rule: { code: 'tx-nurses' },
      status: 'open',
      reasonCode: 'no_completion',
      satisfiedBy: null,
    });
    expect(row.reason).toMatch(/^No completion of an approved course since \d{4}-\d{2}-\d{2}$/);
  });

  it('keeps a Florida nurse open: HT-101 gives fewer hours than the two Florida requires', async () => {
    const [row] = rowsOf(await all(org.admin), 'flRn');
    expect(row).toMatchObject({
      rule: { code: 'fl-nurses', hours: 2 },
      status: 'open',
      reasonCode: 'insufficient_hours',
      reason: 'HT-101 gives 1.0 h, FL requires 2.0 h',
      satisfiedBy: null,
    });
  });

  it('does not count HT-101 where the provider configured no approval, and says so', async () => {
    const [virginia] = rowsOf(await all(org.admin), 'vaMd');
    expect(virginia).toMatchObject({
      rule: { code: 'va-medicine' },
      status: 'open',
      reasonCode: 'not_approved',
    });
    expect(virginia.reason).toMatch(
      /^HT-101 \(completed \d{4}-\d{2}-\d{2}\) is not approved for VA MD by the provider's configuration$/,
    );
    const [texasPhysician] = rowsOf(await all(org.admin), 'txMd');
    expect(texasPhysician).toMatchObject({
      rule: { code: 'tx-physicians', everyNRenewals: 3 },
      reasonCode: 'no_approved_course',
      reason: "No course is approved for TX MD by the provider's configuration",
      overdue: true,
    });
  });

  it('flags the rules the facts mark unconfirmed on every row', async () => {
    const items = await all(org.admin, 'status=all');
    const [texasPhysician] = rowsOf(items, 'txMd');
    expect(texasPhysician.unconfirmed).toBe(true);
    expect(texasPhysician.rule).toMatchObject({ unconfirmed: true, needsReview: true });
    expect(texasPhysician.rule?.note).toContain('UNCONFIRMED');
    for (const item of items) expect(item.unconfirmed).toBe(item.rule?.unconfirmed ?? false);
  });

  it('answers one row without a rule for a license type it does not recognise', async () => {
    const rows = rowsOf(await all(org.admin), 'txUnknown');
    expect(rows).toEqual([
      expect.objectContaining({
        license: { type: 'Nurse', category: null, state: 'TX', expiresOn: null },
        rule: null,
        dueBy: null,
        status: 'open',
        reasonCode: 'license_type_not_recognised',
        reason: 'License type "Nurse" is not recognised; TX has training rules for licensees',
      }),
    ]);
  });

  it('filters by status, state, license type, site and department', async () => {
    const met = await all(org.admin, 'status=met');
    expect(met.map((item) => item.member.id)).toEqual([m.txRn]);
    const texas = await all(org.admin, 'state=tx&status=all');
    expect(new Set(texas.map((item) => item.license.state))).toEqual(new Set(['TX']));
    expect(new Set(texas.map((item) => item.member.id))).toEqual(
      new Set([m.txRn, m.txLvn, m.txMd, m.txUnknown]),
    );
    const lvn = await all(org.admin, 'licenseType=lvn');
    expect(lvn.map((item) => item.member.id)).toEqual([m.txLvn]);
    const emergency = await all(org.admin, `departmentId=${completersId}&status=all`);
    expect(new Set(emergency.map((item) => item.member.id))).toEqual(new Set([m.txRn, m.flRn, m.vaMd]));
    expect((await all(org.admin, `siteId=${siteId}&status=all`)).length).toBe(
      (await all(org.admin, 'status=all')).length,
    );
  });

  it('shows a manager their whole reporting chain (two levels) and nobody else', async () => {
    const morgansView = await all(morgan.session, 'status=all');
    expect(new Set(morgansView.map((item) => item.member.id))).toEqual(new Set([m.txRn, m.flRn]));
    const danasView = await all(dana.session, 'status=all');
    expect(danasView.map((item) => item.member.id)).toEqual([m.txRn]);
    expect(new Set((await all(educator, 'status=all')).map((item) => item.member.id))).toEqual(
      new Set([m.txRn, m.txLvn, m.flRn, m.vaMd, m.txMd, m.txUnknown]),
    );
  });

  it("never shows another organization's members, even filtered by that organization's site", async () => {
    const otherSite = await createSite(world, other.admin, 'Other Site');
    expect((await gaps(org.admin, `?siteId=${otherSite}&status=all`).expect(200)).body).toEqual({
      items: [],
      nextCursor: null,
    });
    const ours = new Set((await all(org.admin, 'status=all')).map((item) => item.member.id));
    expect(ours.has(m.adminElsewhere)).toBe(false);
    const theirs = await all(other.admin, 'status=all');
    expect(theirs).toHaveLength(2);
    expect(theirs.map((item) => item.member.id)).toContain(m.adminElsewhere);
    expect(theirs.map((item) => item.member.id)).not.toContain(m.txRn);
  });

  it('pages with a cursor without skipping or repeating a row', async () => {
    const whole = await all(org.admin, 'status=all');
    expect(whole.length).toBeGreaterThan(3);
    const paged = await all(org.admin, 'status=all', 1);
    const key = (item: GapItem) => `${item.member.id}/${item.rule?.code ?? ''}`;
    expect(paged.map(key)).toEqual(whole.map(key));
    expect((await all(org.admin, 'status=all', 2)).map(key)).toEqual(whole.map(key));
  });

  it('refuses learners (403) and callers who are not signed in (401)', async () => {
    expectProblem(await gaps(learner), 403);
    expectProblem(await gaps(null), 401);
  });

  it('refuses bad filters with a 400 naming the field, never a 500', async () => {
    expectProblem(await gaps(org.admin, '?limit=201'), 400, 'limit');
    expectProblem(await gaps(org.admin, '?state=Texas'), 400, 'state');
    expectProblem(await gaps(org.admin, '?licenseType=Nurse'), 400, 'licenseType');
    expectProblem(await gaps(org.admin, '?siteId=main'), 400, 'siteId');
    expectProblem(await gaps(org.admin, '?departmentId=1'), 400, 'departmentId');
    expectProblem(await gaps(org.admin, '?status=closed'), 400, 'status');
    expectProblem(await gaps(org.admin, '?cursor=nope'), 400, 'cursor');
    expectProblem(await gaps(org.admin, '?state=T%00'), 400, 'state');
  });

  it('counts a completion only within the current renewal period', async () => {
    // The Texas RN's certificate moved to three years before their license expires: a term ago.
    await world.ownerQuery(
      `UPDATE certificates SET completed_on = $2::date - interval '3 years' WHERE membership_id = $1`,
      [m.txRn, inDays(400)],
    );
    const [row] = rowsOf(await all(org.admin), 'txRn');
    expect(row).toMatchObject({ status: 'open', reasonCode: 'outside_period', satisfiedBy: null });
    expect(row.reason).toMatch(
      /^The last approved completion \(\d{4}-\d{2}-\d{2}\) is before the current period/,
    );
  });

  it('serves the requirement_gaps export from the same rows, keyed by its columns', async () => {
    const source = world.app.get(RequirementGapsReportSource);
    expect(source.type).toBe('requirement_gaps');
    const { sql, params } = source.query(
      {},
      { organizationId: org.id, chainOf: null, now: new Date(), publicUrl: 'http://beacon.test' },
    );
    const exported = await world.appTransaction({ 'app.organization_id': org.id }, async (client) => {
      return (await client.query(sql, params)).rows as Array<Record<string, unknown>>;
    });
    const listed = await all(org.admin, 'status=all');
    expect(exported).toHaveLength(listed.length);
    for (const row of exported) expect(Object.keys(row)).toEqual(source.columns.map((column) => column.key));
    const physician = exported.find((row) => row.employee_id === 'E-txMd');
    expect(physician).toMatchObject({
      license_state: 'TX',
      rule_code: 'tx-physicians',
      unconfirmed: 'yes',
      status: 'open',
      overdue: 'yes',
      rule_hours: 1,
    });
    const managerRows = await world.appTransaction({ 'app.organization_id': org.id }, async (client) => {
      const scoped = source.query(
        {},
        { organizationId: org.id, chainOf: dana.memberId, now: new Date(), publicUrl: 'http://beacon.test' },
      );
      return (await client.query(scoped.sql, scoped.params)).rows as Array<Record<string, unknown>>;
    });
    expect(managerRows.map((row) => row.employee_id)).toEqual(['E-txRn']);
  });

  it('creates in the database the functions the license table generates (one source of truth)', () => {
    expect(LICENSE_CATEGORY_FUNCTIONS).toBe(licenseCategoryFunctionSql());
  });

  it("maps license types in the database exactly as the code's table does", async () => {
    const spellings = [
      ...LICENSE_CATEGORIES.flatMap((category) => LICENSE_CATEGORY_ALIASES[category]),
      ...LICENSE_CATEGORIES,
      'R.N.',
      'Registered Nurse (RN)',
      'RN, BSN',
      'Licensed Vocational Nurse',
      'PA-C',
      'RT(R)(CT)',
      'OTR/L',
      'Nurse',
      'Médico',
      '',
      ' ',
    ];
    const [{ categories }] = await world.ownerQuery<{ categories: Array<string | null> }>(
      `SELECT array_agg(license_category(s) ORDER BY i) AS categories FROM unnest($1::text[]) WITH ORDINALITY AS t(s, i)`,
      [spellings],
    );
    expect(categories).toEqual(spellings.map((text) => licenseCategory(text)));
  });
});
