import { currentCycleBulkCte, currentCycleCte } from '@beacon/enrollment';
import { TestApp } from '../support/test-app';

jest.setTimeout(120_000);

const DAY_MS = 86_400_000;

/** An enrollment fixture: its cycle, status and due instant (days from now; null: none). */
interface Cycle {
  cycle: number;
  status: 'not_started' | 'in_progress' | 'completed' | 'exempt' | 'withdrawn';
  dueInDays: number | null;
}

/**
 * The two definitions of each member's current cycle of each cohort: `currentCycleCte` (cohort stats, team pages)
 * and `currentCycleBulkCte` (report exports), which skips ranking cycles while no cohort in scope has a cycle
 * beyond the first. Both must answer the same enrollments, in an organization that recertifies and in one that
 * does not.
 */
describe('current cycle: the bulk definition answers what the ranked one does', () => {
  let app: TestApp;
  const now = new Date();

  beforeAll(async () => {
    app = await TestApp.start();
  });

  afterAll(async () => {
    await app.stop();
  });

  /** An organization with one cohort and a member per list of cycles; answers each member's enrollment ids. */
  async function world(
    name: string,
    members: Cycle[][],
  ): Promise<{ organizationId: string; ids: string[][] }> {
    const organization = await app.createOrganization(name);
    const [cohort] = await app.ownerQuery<{ id: string; course_id: string }>(
      `INSERT INTO cohorts (organization_id, name, course_id, interval_months)
       VALUES ($1, 'Yearly', (SELECT id FROM courses WHERE code = 'HT-101' AND status = 'published'), 12)
       RETURNING id, course_id`,
      [organization.id],
    );
    const ids: string[][] = [];
    for (const [index, cycles] of members.entries()) {
      const [member] = await app.ownerQuery<{ id: string }>(
        `WITH person AS (INSERT INTO users (email, name) VALUES ($2, $3) RETURNING id)
         INSERT INTO memberships (organization_id, user_id, roles, status, name, joined_at)
         SELECT $1, id, '{learner}', 'active', $3, now() FROM person RETURNING id`,
        [organization.id, `cycle-${name.toLowerCase()}-${index}@beacon.test`, `Member ${index}`],
      );
      const enrolled: string[] = [];
      for (const { cycle, status, dueInDays } of cycles) {
        const [row] = await app.ownerQuery<{ id: string }>(
          `INSERT INTO enrollments (organization_id, cohort_id, membership_id, course_id, cycle, status, due_at,
                                    completed_at, withdrawn_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $6 = 'completed' THEN now() END,
                   CASE WHEN $6 = 'withdrawn' THEN now() END)
           RETURNING id`,
          [
            organization.id,
            cohort.id,
            member.id,
            cohort.course_id,
            cycle,
            status,
            dueInDays === null ? null : new Date(now.getTime() + dueInDays * DAY_MS),
          ],
        );
        enrolled.push(row.id);
      }
      ids.push(enrolled);
    }
    return { organizationId: organization.id, ids };
  }

  async function currentIds(cte: string, organizationId: string): Promise<string[]> {
    const rows = await app.ownerQuery<{ id: string }>(
      `WITH ${cte} SELECT id FROM current_cycle ORDER BY id`,
      [now, organizationId],
    );
    return rows.map((row) => row.id);
  }

  async function bothDefinitions(organizationId: string): Promise<{ ranked: string[]; bulk: string[] }> {
    const scope = 'e.organization_id = $2::uuid';
    return {
      ranked: await currentIds(currentCycleCte(scope, '$1::timestamptz'), organizationId),
      bulk: await currentIds(currentCycleBulkCte(scope, '$1::timestamptz'), organizationId),
    };
  }

  it('agrees where cycles recur: an upcoming renewal counts by the completed cycle before it, withdrawn ones never', async () => {
    const { organizationId, ids } = await world('Renewing', [
      // Renewal not started and not due yet: the completed first cycle counts.
      [
        { cycle: 1, status: 'completed', dueInDays: -300 },
        { cycle: 2, status: 'not_started', dueInDays: 60 },
      ],
      // Renewal due already: it counts.
      [
        { cycle: 1, status: 'completed', dueInDays: -400 },
        { cycle: 2, status: 'not_started', dueInDays: -5 },
      ],
      // Renewal started: it counts.
      [
        { cycle: 1, status: 'completed', dueInDays: -300 },
        { cycle: 2, status: 'in_progress', dueInDays: 60 },
      ],
      // Renewal withdrawn: the first cycle counts.
      [
        { cycle: 1, status: 'completed', dueInDays: -300 },
        { cycle: 2, status: 'withdrawn', dueInDays: 60 },
      ],
      // Third cycle upcoming without a due date: the second counts.
      [
        { cycle: 1, status: 'completed', dueInDays: -700 },
        { cycle: 2, status: 'completed', dueInDays: -300 },
        { cycle: 3, status: 'not_started', dueInDays: null },
      ],
      // Only cycle withdrawn: nothing counts.
      [{ cycle: 1, status: 'withdrawn', dueInDays: 30 }],
      // A single first cycle, not started.
      [{ cycle: 1, status: 'not_started', dueInDays: 30 }],
    ]);
    const { ranked, bulk } = await bothDefinitions(organizationId);
    expect(ranked).toEqual([ids[0][0], ids[1][1], ids[2][1], ids[3][0], ids[4][1], ids[6][0]].sort());
    expect(bulk).toEqual(ranked);
  });

  it('agrees where no cycle recurs: every enrollment that is not withdrawn', async () => {
    const { organizationId, ids } = await world('Once', [
      [{ cycle: 1, status: 'completed', dueInDays: -3 }],
      [{ cycle: 1, status: 'not_started', dueInDays: -3 }],
      [{ cycle: 1, status: 'withdrawn', dueInDays: 10 }],
      [{ cycle: 1, status: 'exempt', dueInDays: null }],
    ]);
    const { ranked, bulk } = await bothDefinitions(organizationId);
    expect(ranked).toEqual([ids[0][0], ids[1][0], ids[3][0]].sort());
    expect(bulk).toEqual(ranked);
  });
});
