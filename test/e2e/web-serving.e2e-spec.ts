import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { TestApp } from '../support/test-app';

const INDEX_HTML =
  '<!doctype html><html lang="en"><head><script type="module" src="/assets/app-abc123.js"></script></head><body><div id="root"></div></body></html>';
const APP_JS = 'console.info("beacon web app");';
const SECRET = 'outside-the-web-dir-6f1c';

/** A GET whose path goes on the wire exactly as written (supertest and browsers resolve `..` before sending). */
function rawGet(server: Server, path: string): Promise<{ status: number; body: string }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function expectIndex(res: Response): void {
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/html/);
  expect(res.headers['cache-control']).toBe('no-cache');
  expect(res.text).toBe(INDEX_HTML);
}

function expectNotFoundProblem(res: Response): void {
  expect(res.status).toBe(404);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status: 404, title: expect.any(String), detail: expect.any(String) });
}

function directives(res: Response): Map<string, string> {
  const header = String(res.headers['content-security-policy'] ?? '');
  return new Map(
    header
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name, ...values] = part.split(/\s+/);
        return [name, values.join(' ')];
      }),
  );
}

describe('the api serves the built web app', () => {
  let world: TestApp;
  let root: string;
  let server: Server;

  beforeAll(async () => {
    // The web dir sits beside a file that must stay out of reach.
    root = mkdtempSync(join(tmpdir(), 'beacon-web-'));
    const web = join(root, 'web');
    mkdirSync(join(web, 'assets'), { recursive: true });
    writeFileSync(join(web, 'index.html'), INDEX_HTML);
    writeFileSync(join(web, 'assets', 'app-abc123.js'), APP_JS);
    writeFileSync(join(web, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(web, '.env'), `SECRET=${SECRET}`);
    writeFileSync(join(root, 'secret.txt'), SECRET);
    world = await TestApp.start({ worker: false, env: { WEB_DIST_DIR: web } });
    server = world.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await world?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves hashed assets for a year, immutable, with their type', async () => {
    const res = await world.http().get('/assets/app-abc123.js').expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.text).toBe(APP_JS);
    const head = await world.http().head('/assets/app-abc123.js').expect(200);
    expect(head.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers a missing asset with a 404, never index.html under an immutable URL', async () => {
    const res = await world.http().get('/assets/app-old999.js');
    expectNotFoundProblem(res);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('serves other files with a short cache and index.html with no-cache', async () => {
    const icon = await world.http().get('/favicon.svg').expect(200);
    expect(icon.headers['cache-control']).toBe('public, max-age=3600');
    expectIndex(await world.http().get('/index.html'));
    expectIndex(await world.http().get('/'));
  });

  it("answers index.html for the browser router's paths, GET and HEAD", async () => {
    expectIndex(await world.http().get('/learn/enrollments/x'));
    expectIndex(await world.http().get('/verify/abc'));
    expectIndex(await world.http().get('/invite?token=abc'));
    const head = await world.http().head('/team').expect(200);
    expect(head.headers['content-type']).toMatch(/^text\/html/);
    expect(head.headers['cache-control']).toBe('no-cache');
  });

  it('keeps the api answering for itself: unknown api paths are problem+json 404s, health works', async () => {
    expectNotFoundProblem(await world.http().get('/api/v1/nope'));
    expectNotFoundProblem(await world.http().get('/api'));
    expectNotFoundProblem(await world.http().get('/health/nope'));
    expectNotFoundProblem(await world.http().post('/learn').send({}));
    await world.http().get('/health/live').expect(200, { status: 'ok' });
    const courses = await world.http().get('/api/v1/courses');
    expect(courses.status).toBe(401);
    expect(courses.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('sends a Content-Security-Policy that never allows inline scripts', async () => {
    const res = await world.http().get('/learn');
    const csp = directives(res);
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('style-src')).toBe("'self' 'unsafe-inline'");
    expect(csp.get('img-src')).toBe("'self' data: blob:");
    expect(csp.get('font-src')).toBe("'self' data:");
    expect(csp.get('connect-src')).toBe("'self'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'self'");
    expect(csp.get('form-action')).toBe("'self'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.has('script-src-attr')).toBe(false);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('keeps Swagger UI at /api/docs loadable under that policy (its scripts are files, not inline)', async () => {
    const page = await world.http().get('/api/docs').expect(200);
    expect(directives(page).get('script-src')).toBe("'self'");
    const scripts = [...page.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/src=/);
      expect(body.trim()).toBe('');
      const src = /src="([^"]+)"/.exec(attributes)?.[1] as string;
      await world.http().get(new URL(src, 'http://beacon.test/api/docs/').pathname).expect(200);
    }
  });

  it('never serves a file outside the web dir, whatever the encoding of the path', async () => {
    const attempts = [
      '/assets/../../etc/passwd',
      '/assets/../../secret.txt',
      '/assets/../../../secret.txt',
      '/../secret.txt',
      '/../../../../etc/passwd',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/assets/%252e%252e/%252e%252e/secret.txt',
      '/assets/..%5c..%5csecret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets%2f..%2f..%2fsecret.txt',
      '/assets/..%00/secret.txt',
      '/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/.env',
      '/%2eenv',
    ];
    for (const path of attempts) {
      const res = await rawGet(server, path);
      // The path rides along in each assertion so a failure names it.
      const leaked = res.body.includes(SECRET) || /root:.*:0:0:/.test(res.body);
      expect({ path, leaked }).toEqual({ path, leaked: false });
      const answer = res.status === 200 ? (res.body === INDEX_HTML ? 'index.html' : 'a file') : res.status;
      expect({ path, allowed: ['index.html', 400, 404].includes(answer) }).toEqual({ path, allowed: true });
    }
  });
});

describe('the api without a built web app', () => {
  let world: TestApp;
  let empty: string;

  beforeAll(async () => {
    empty = mkdtempSync(join(tmpdir(), 'beacon-no-web-'));
    world = await TestApp.start({ worker: false, env: { WEB_DIST_DIR: empty } });
  });

  afterAll(async () => {
    await world?.stop();
    rmSync(empty, { recursive: true, force: true });
  });

  it('works as before: no fallback, problem+json 404s, health and docs answer', async () => {
    expectNotFoundProblem(await world.http().get('/'));
    expectNotFoundProblem(await world.http().get('/learn/enrollments/x'));
    expectNotFoundProblem(await world.http().get('/api/v1/nope'));
    await world.http().get('/health/live').expect(200);
    await world.http().get('/api/docs-json').expect(200);
  });
});
