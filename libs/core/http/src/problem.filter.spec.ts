import type { ArgumentsHost } from '@nestjs/common';
import { ProblemFilter } from './problem.filter';

interface Sent {
  status?: number;
  type?: string;
  body?: unknown;
  headers: Record<string, string>;
}

/** An express response that records what the filter sends. */
function capture(): { host: ArgumentsHost; sent: Sent } {
  const sent: Sent = { headers: {} };
  const res = {
    headersSent: false,
    setHeader: (name: string, value: string) => {
      sent.headers[name] = value;
    },
    status(code: number) {
      sent.status = code;
      return res;
    },
    type(type: string) {
      sent.type = type;
      return res;
    },
    send(body: string) {
      sent.body = JSON.parse(body);
      return res;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => res }) } as unknown as ArgumentsHost;
  return { host, sent };
}

describe('ProblemFilter', () => {
  const filter = new ProblemFilter();

  it.each([
    ['every pooled connection stayed busy', new Error('timeout exceeded when trying to connect')],
    [
      'a statement ran past its statement_timeout',
      Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }),
    ],
    [
      'TypeORM wraps a cancelled statement',
      Object.assign(new Error('QueryFailedError'), { driverError: { code: '57014' } }),
    ],
  ])('answers 503 with Retry-After when %s', (_case, error) => {
    const { host, sent } = capture();
    filter.catch(error, host);
    expect(sent).toEqual({
      status: 503,
      type: 'application/problem+json',
      headers: { 'Retry-After': '5' },
      body: {
        type: 'about:blank',
        title: 'Service Unavailable',
        status: 503,
        detail: 'The service is busy. Try again in a few seconds.',
      },
    });
  });

  it('answers 500 without internals for any other unexpected error', () => {
    const { host, sent } = capture();
    filter.catch(Object.assign(new Error('relation "secrets" does not exist'), { code: '42P01' }), host);
    expect(sent.status).toBe(500);
    expect(sent.body).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: 'An unexpected error occurred.',
    });
  });
});
