import { fork } from 'node:child_process';
import { resolve } from 'node:path';
import { BENCH_PASSWORD } from './bench-world';

export type ApiCall = (
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
) => Promise<Record<string, unknown>>;

/** JSON calls to a bench api; anything but a 2xx stops the bench with the answer. */
export function apiCaller(url: string): ApiCall {
  return async (method, path, token, body) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
}

/** The api in a child process (`bench-api.process.ts`), so the bench measures it from outside. */
export async function forkBenchApi() {
  const child = fork(resolve(__dirname, 'bench-api.process.ts'), {
    execArgv: ['-r', resolve(__dirname, '../../test/support/ts-register.js')],
  });
  const started = await new Promise<{ url: string; databaseUrl: string }>((done, fail) => {
    child.once('message', (message) => done(message as { url: string; databaseUrl: string }));
    child.once('exit', (code) => fail(new Error(`the bench api exited with ${code}`)));
  });
  return { child, ...started };
}

/**
 * An organization made through the platform API, its admin signed in through the invitation (the link read from the
 * pending outbox row: no worker needs to run), with a site "Main Campus" and its "Emergency" department.
 */
export async function benchOrganization(
  call: ApiCall,
  owner: { query(sql: string, params: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }> },
  platformToken: string,
  organization: { name: string; slug: string; adminEmail: string; adminName: string },
): Promise<{ id: string; adminToken: string }> {
  const created = await call('POST', '/api/v1/platform/organizations', platformToken, {
    name: organization.name,
    slug: organization.slug,
    timezone: 'America/Chicago',
    admin: { email: organization.adminEmail, name: organization.adminName },
  });
  const link = await owner.query(
    `SELECT payload->>'inviteUrl' AS url FROM notifications WHERE recipient_email = $1`,
    [organization.adminEmail],
  );
  const token = new URL(link.rows[0].url as string).searchParams.get('token');
  const admin = await call('POST', '/api/v1/auth/invitations/accept', null, {
    token,
    password: BENCH_PASSWORD,
  });
  const adminToken = admin.accessToken as string;
  const site = await call('POST', '/api/v1/sites', adminToken, { name: 'Main Campus', kind: 'hospital' });
  await call('POST', '/api/v1/departments', adminToken, {
    siteId: site.id,
    name: 'Emergency',
    kind: 'emergency',
  });
  return { id: created.id as string, adminToken };
}
