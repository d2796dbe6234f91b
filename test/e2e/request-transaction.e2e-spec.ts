import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bearer, TestApp, TestOrganization } from '../support/test-app';
import { until } from '../support/waiting';

/**
 * Each authenticated request runs in one transaction opened with its actor check. A client that goes away must
 * neither leave that transaction's connection behind nor let the rest of a running handler write outside it.
 */
describe("a request's own transaction", () => {
  let world: TestApp;
  let org: TestOrganization;
  let port: number;

  beforeAll(async () => {
    world = await TestApp.start();
    org = await world.createOrganization('Abandon Health');
    const server = world.app.getHttpServer() as Server;
    if (!server.listening) await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await world.stop();
  });

  /** Sends a request and hangs up at once, before any answer. */
  function abandon(method: string, path: string, body?: unknown): Promise<void> {
    return new Promise((done) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${org.admin.accessToken}` },
      });
      req.on('error', () => done());
      req.end(body === undefined ? undefined : JSON.stringify(body), () => {
        req.destroy();
        done();
      });
    });
  }

  it('leaves no connection or open transaction behind when clients hang up, and writes their requests whole', async () => {
    const names = Array.from({ length: 30 }, (_, i) => `Abandoned Site ${i}`);
    // More abandoned requests than the pool has connections (10): a leaked connection would starve what follows.
    await Promise.all(names.map((name) => abandon('POST', '/api/v1/sites', { name, kind: 'hospital' })));
    await Promise.all(Array.from({ length: 15 }, () => abandon('GET', '/api/v1/members')));

    // The handlers go on after their clients left: wait until no request of the app is running any more.
    await until('the abandoned requests have finished', async () => {
      const busy = await world.ownerQuery<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND usename = 'beacon_app' AND state <> 'idle'`,
      );
      return busy[0].n === 0;
    });
    // One statement, so one snapshot: a request still running could otherwise commit between two reads.
    const [{ created, audited }] = await world.ownerQuery<{ created: string[]; audited: string[] }>(
      `SELECT coalesce((SELECT array_agg(id::text ORDER BY id::text COLLATE "C") FROM sites
                         WHERE organization_id = $1 AND name LIKE 'Abandoned Site %'), '{}') AS created,
              coalesce((SELECT array_agg(entity_id::text ORDER BY entity_id::text COLLATE "C") FROM audit_events
                         WHERE organization_id = $1 AND action = 'site.created'), '{}') AS audited`,
      [org.id],
    );
    // Every site that exists has its audit event, written in the same transaction: nothing half-written.
    expect(audited).toEqual(created);

    for (let i = 0; i < 20; i += 1) {
      await world
        .http()
        .get('/api/v1/members')
        .set(...bearer(org.admin))
        .expect(200);
    }
    // A leaked transaction stays open for good. The suite's worker shares the role, and its jobs' transactions are
    // "idle in transaction" for a moment while they wait on Redis: only one that never ends fails this.
    await until(
      'no connection of the app is left in a transaction',
      async () =>
        (
          await world.ownerQuery<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_stat_activity
              WHERE datname = current_database() AND usename = 'beacon_app' AND state = 'idle in transaction'`,
          )
        )[0].n === 0,
      15_000,
    );
  });
});
