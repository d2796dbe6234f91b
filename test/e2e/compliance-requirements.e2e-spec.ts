import { Client } from 'pg';
import type { Response } from 'supertest';
import { STATE_REQUIREMENTS, StateRequirementsSeedService } from '@beacon/compliance';
import { bearer, Session, TestApp, TestOrganization } from '../support/test-app';

jest.setTimeout(60_000);

interface RequirementItem {
  id: string;
  code: string;
  state: string;
  scope: string;
  licenseTypes: string[];
  licenseTypesDescription: string;
  hours: number | null;
  hoursNote: string | null;
  frequency: string | null;
  everyNRenewals: number | null;
  frequencyNote: string | null;
  approvalMode: string;
  approvalNote: string | null;
  contentSummary: string;
  sources: Array<{ title: string; url: string | null }>;
  confidence: string;
  unconfirmed: boolean;
  needsReview: boolean;
  note: string | null;
  reviewedOn: string;
}

const ITEM_KEYS = [
  'approvalMode',
  'approvalNote',
  'code',
  'confidence',
  'contentSummary',
  'everyNRenewals',
  'frequency',
  'frequencyNote',
  'hours',
  'hoursNote',
  'id',
  'licenseTypes',
  'licenseTypesDescription',
  'needsReview',
  'note',
  'reviewedOn',
  'scope',
  'sources',
  'state',
  'unconfirmed',
];

/** The rules that shared/domain/facts.md marks UNCONFIRMED or rates L: each must come back flagged. */
const FACTS_UNCONFIRMED = [
  'ct-no-healthcare-rule',
  'mi-licensees',
  'ny-facility-staff',
  'oh-nurses-claim',
  'tx-physicians',
];

function expectProblem(res: Response, status: number, field?: string): void {
  expect({ status: res.status, type: res.headers['content-type'] }).toEqual({
    status,
    type: expect.stringMatching(/^application\/problem\+json/),
  });
  if (field !== undefined)
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
}

describe('state training requirements: reference data for org_admin, educators and managers', () => {
  let world: TestApp;
  let org: TestOrganization;
  let educator: Session;
  let manager: Session;
  let learner: Session;

  const requirements = (session: Session | null, query = '') => {
    const req = world.http().get(`/api/v1/compliance/requirements${query}`);
    return session ? req.set(...bearer(session)) : req;
  };

  /** Every item, following nextCursor with the given page size. */
  async function all(session: Session, query = '', limit = 200): Promise<RequirementItem[]> {
    const items: RequirementItem[] = [];
    let cursor: string | null = null;
    do {
      const params = new URLSearchParams(query);
      params.set('limit', String(limit));
      if (cursor) params.set('cursor', cursor);
      const res = await requirements(session, `?${params.toString()}`).expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(limit);
      items.push(...(res.body.items as RequirementItem[]));
      cursor = res.body.nextCursor as string | null;
    } while (cursor);
    return items;
  }

  beforeAll(async () => {
    world = await TestApp.start();
    org = await world.createOrganization('Mandate Health');
    educator = (await world.addMember(org, ['educator'])).session;
    manager = (await world.addMember(org, ['manager'])).session;
    learner = (await world.addMember(org, ['learner'])).session;
  });

  afterAll(async () => {
    await world?.stop();
  });

  it('lists every seeded rule to org_admin, educators and managers alike, in code order', async () => {
    const expected = STATE_REQUIREMENTS.map((rule) => rule.code).sort();
    expect(expected.length).toBe(15);
    for (const session of [org.admin, educator, manager]) {
      const res = await requirements(session).expect(200);
      expect(res.body.nextCursor).toBeNull();
      expect((res.body.items as RequirementItem[]).map((item) => item.code)).toEqual(expected);
      expect(Object.keys(res.body.items[0]).sort()).toEqual(ITEM_KEYS);
    }
  });

  it('refuses learners (403) and callers who are not signed in (401)', async () => {
    expectProblem(await requirements(learner), 403);
    expectProblem(await requirements(null), 401);
    expectProblem(await requirements(await world.platformAdmin()), 403);
  });

  it('answers the facts of a rule: Texas physicians every third renewal, Florida nurses 2 hours each renewal', async () => {
    const items = await all(org.admin);
    const byCode = new Map(items.map((item) => [item.code, item]));
    expect(byCode.get('tx-physicians')).toMatchObject({
      state: 'TX',
      scope: 'licensee',
      licenseTypes: ['MD', 'DO'],
      hours: 1,
      frequency: 'every_n_renewals',
      everyNRenewals: 3,
      approvalMode: 'board_approved',
      confidence: 'M',
    });
    expect(byCode.get('tx-practitioners')).toMatchObject({
      hours: null,
      frequency: 'each_renewal',
      everyNRenewals: null,
      approvalMode: 'state_list',
      confidence: 'H',
      unconfirmed: false,
      needsReview: false,
    });
    expect(byCode.get('fl-nurses')).toMatchObject({ hours: 2, frequency: 'each_renewal' });
    expect(byCode.get('fl-licensees')).toMatchObject({ hours: 1, frequency: 'one_time' });
    expect(byCode.get('mi-licensees')).toMatchObject({ approvalMode: 'category_acceptance', hours: null });
    expect(byCode.get('ny-facility-staff')).toMatchObject({
      frequency: 'ongoing',
      approvalMode: 'facility_policy',
    });
    // The states with no licensee rule, or a posting only, are shown as such rather than left out.
    expect(byCode.get('ca-posting')).toMatchObject({ scope: 'facility', frequency: 'posting_only' });
    expect(byCode.get('ky-no-mandate')).toMatchObject({ scope: 'none', frequency: null, licenseTypes: [] });
    for (const item of items) expect(item.reviewedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('cites at least one https source for every rule', async () => {
    for (const item of await all(org.admin)) {
      expect(item.sources.length).toBeGreaterThan(0);
      expect([item.code, item.sources.some((source) => source.url?.startsWith('https://') ?? false)]).toEqual(
        [item.code, true],
      );
    }
  });

  it('flags every rule the facts mark unconfirmed, with a note naming what, and marks all below H for review', async () => {
    const items = await all(org.admin);
    const flagged = items.filter((item) => item.unconfirmed);
    expect(flagged.map((item) => item.code)).toEqual(expect.arrayContaining(FACTS_UNCONFIRMED));
    for (const item of flagged) expect([item.code, (item.note ?? '').length > 0]).toEqual([item.code, true]);
    for (const code of FACTS_UNCONFIRMED)
      expect(items.find((item) => item.code === code)?.note).toContain('UNCONFIRMED');
    for (const item of items)
      expect([item.code, item.needsReview]).toEqual([item.code, item.unconfirmed || item.confidence !== 'H']);
  });

  it('filters by state, in either case, and answers an empty list for a state without rows', async () => {
    const texas = await requirements(manager, '?state=TX').expect(200);
    expect((texas.body.items as RequirementItem[]).map((item) => item.code)).toEqual([
      'tx-nurses',
      'tx-physicians',
      'tx-practitioners',
    ]);
    const florida = await requirements(educator, '?state=fl').expect(200);
    expect((florida.body.items as RequirementItem[]).every((item) => item.state === 'FL')).toBe(true);
    expect(florida.body.items).toHaveLength(3);
    expect((await requirements(org.admin, '?state=WY').expect(200)).body).toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it('pages with a cursor, also inside a filter, without skipping or repeating a rule', async () => {
    const paged = await all(org.admin, '', 4);
    expect(paged.map((item) => item.code)).toEqual(STATE_REQUIREMENTS.map((rule) => rule.code).sort());
    expect((await all(org.admin, 'state=TX', 2)).map((item) => item.code)).toEqual([
      'tx-nurses',
      'tx-physicians',
      'tx-practitioners',
    ]);
  });

  it('refuses a bad state, limit or cursor with a 400 naming the field, never a 500', async () => {
    for (const bad of ['Texas', 'T', 'T1', '', '%20', 'T%C3%A9'])
      expectProblem(await requirements(org.admin, `?state=${bad}`), 400, 'state');
    expectProblem(await requirements(org.admin, '?limit=201'), 400, 'limit');
    const first = await requirements(org.admin, '?limit=1').expect(200);
    const cursor = first.body.nextCursor as string;
    for (const bad of [`${cursor}x`, 'not a cursor', 'AAAA', cursor.slice(0, -1)])
      expectProblem(await requirements(org.admin, `?cursor=${encodeURIComponent(bad)}`), 400, 'cursor');
  });

  it('refuses NUL and unpaired surrogates in the query with a 400, never a 500', async () => {
    for (const value of ['%00', 'T%00', '%ED%A0%80', '%uD800', '%C0%80'])
      expectProblem(await requirements(org.admin, `?state=${value}`), 400, 'state');
    expectProblem(await requirements(org.admin, '?cursor=a%00b'), 400, 'cursor');
    expectProblem(await requirements(org.admin, '?a%00=1'), 400);
  });

  it('seeds idempotently: a second start leaves the rows as they were, and corrects a changed one', async () => {
    const client = new Client({ connectionString: world.ownerUrl });
    await client.connect();
    try {
      const snapshot = async () =>
        (
          await client.query<{ code: string; id: string; updated_at: Date; hours: string | null }>(
            `SELECT code, id, updated_at, hours FROM state_training_requirements ORDER BY code`,
          )
        ).rows;
      await client.query(`UPDATE state_training_requirements SET hours = 9 WHERE code = 'fl-nurses'`);
      const before = await snapshot();
      const seeding = world.app.get(StateRequirementsSeedService);
      await seeding.onApplicationBootstrap();
      const after = await snapshot();
      expect(after.map((row) => row.id)).toEqual(before.map((row) => row.id));
      for (const [index, row] of after.entries()) {
        if (row.code === 'fl-nurses') expect(row.hours).toBe('2.00');
        else expect(row).toEqual(before[index]);
      }
    } finally {
      await client.end();
    }
  });
});
