import { fork } from 'node:child_process';
import { resolve } from 'node:path';

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
