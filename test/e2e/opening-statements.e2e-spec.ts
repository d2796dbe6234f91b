import { GroupCommit, TenantTransaction } from '@beacon/core/database';
import { TestApp, TestOrganization } from '../support/test-app';
import { until } from '../support/waiting';

/**
 * Statements sent with a transaction's opening (`TenantTransaction.writeAlone` and `writeTogether`, and through them
 * `GroupCommit`, the outbox's claim and sent mark): one simple query each, a statement PREPAREd by SQL once per
 * pooled connection. They must keep row security, quote their values, and leave a connection usable after a failure.
 */
describe("statements sent with a transaction's opening", () => {
  let world: TestApp;
  let tx: TenantTransaction;
  let commits: GroupCommit;
  let mine: TestOrganization;
  let theirs: TestOrganization;

  const rename = (id: string, name: string | null) => ({
    sql: 'UPDATE sites SET name = $2::text, updated_at = now() WHERE id = $1::uuid RETURNING id, name',
    params: [id, name],
  });

  async function siteOf(org: TestOrganization, name: string): Promise<string> {
    const [site] = await world.ownerQuery<{ id: string }>(
      `INSERT INTO sites (organization_id, name, kind) VALUES ($1, $2, 'hospital') RETURNING id`,
      [org.id, name],
    );
    return site.id;
  }

  async function nameOf(id: string): Promise<string> {
    return (await world.ownerQuery<{ name: string }>('SELECT name FROM sites WHERE id = $1', [id]))[0].name;
  }

  beforeAll(async () => {
    world = await TestApp.start();
    tx = world.app.get(TenantTransaction);
    commits = world.app.get(GroupCommit);
    mine = await world.createOrganization('Opening Mine');
    theirs = await world.createOrganization('Opening Theirs');
  });

  afterAll(async () => {
    await world.stop();
  });

  it("answers each statement's rows, each in its own organization, in one transaction", async () => {
    const north = await siteOf(mine, 'North');
    const south = await siteOf(theirs, 'South');
    const answered = await tx.writeTogether([
      { organizationId: mine.id, statement: rename(north, 'North Campus') },
      { organizationId: theirs.id, statement: rename(south, 'South Campus') },
      { organizationId: mine.id, statement: rename(south, 'Taken') },
    ]);
    expect(answered).toEqual([
      [{ id: north, name: 'North Campus' }],
      [{ id: south, name: 'South Campus' }],
      [],
    ]);
    expect(await nameOf(north)).toBe('North Campus');
    expect(await nameOf(south)).toBe('South Campus');
  });

  it("finds nothing of another organization's, by row security", async () => {
    const id = await siteOf(theirs, 'South');
    expect(await tx.writeAlone(mine.id, rename(id, 'Taken'))).toEqual([]);
    expect(await nameOf(id)).toBe('South');
  });

  it('quotes values as literals: quotes, backslashes and non-ASCII text arrive as sent', async () => {
    const id = await siteOf(mine, 'West');
    const hostile = `O'Brien \\'); DROP TABLE sites; -- Clínica "Oeste" \u{1F3E5}`;
    await tx.writeAlone(mine.id, rename(id, hostile));
    expect(await nameOf(id)).toBe(hostile);
  });

  it('rolls back a failed statement and keeps the connection usable, preparing each statement once', async () => {
    const id = await siteOf(mine, 'East');
    // More failures than the pool has connections (10): each connection fails once after its PREPARE ran.
    const failures = await Promise.allSettled(
      Array.from({ length: 12 }, () => tx.writeAlone(mine.id, rename(id, null))),
    );
    expect(failures.every((outcome) => outcome.status === 'rejected')).toBe(true);
    expect(await nameOf(id)).toBe('East');

    const names = Array.from({ length: 12 }, (_, i) => `East ${i}`);
    await Promise.all(names.map((name) => tx.writeAlone(mine.id, rename(id, name))));
    expect(names).toContain(await nameOf(id));
    // A leaked transaction stays open for good. The suite's worker shares the role, and its jobs' transactions are
    // "idle in transaction" for a moment while they wait on Redis: only one that never ends fails this.
    await until(
      'no connection of the app is left in a transaction',
      async () =>
        (
          await world.ownerQuery<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity
              WHERE datname = current_database() AND usename = 'beacon_app' AND state LIKE 'idle in transaction%'`,
          )
        )[0].n === 0,
      15_000,
    );
  });

  it('rolls back every statement written together when one fails', async () => {
    const id = await siteOf(mine, 'Together');
    await expect(
      tx.writeTogether([
        { organizationId: mine.id, statement: rename(id, 'Renamed') },
        { organizationId: mine.id, statement: rename(id, null) },
      ]),
    ).rejects.toThrow(/null value/);
    expect(await nameOf(id)).toBe('Together');
  });

  it('gathers concurrent writes and gives each its own outcome: one bad write fails only its caller', async () => {
    const ids = await Promise.all(
      Array.from({ length: 30 }, (_, i) => siteOf(i % 2 ? theirs : mine, `Site ${i}`)),
    );
    const outcomes = await Promise.allSettled(
      ids.map((id, i) =>
        commits.write<{ id: string; name: string }>(
          i % 2 ? theirs.id : mine.id,
          rename(id, i === 7 ? null : `Gathered ${i}`),
        ),
      ),
    );
    outcomes.forEach((outcome, i) => {
      if (i === 7) expect(outcome.status).toBe('rejected');
      else expect(outcome).toEqual({ status: 'fulfilled', value: [{ id: ids[i], name: `Gathered ${i}` }] });
    });
    expect(await nameOf(ids[7])).toBe('Site 7');
    expect(await nameOf(ids[8])).toBe('Gathered 8');
  });
});
