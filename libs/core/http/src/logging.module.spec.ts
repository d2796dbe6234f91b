import type { Options } from 'pino-http';
import { loadConfig } from '@beacon/core/config';
import { loggerParams } from './logging.module';

const base = { JWT_SECRET: 'x'.repeat(40) };

function httpOptions(env: Record<string, string>): { options: Options; stream: unknown } {
  const { pinoHttp } = loggerParams(loadConfig({ ...base, ...env }));
  return Array.isArray(pinoHttp)
    ? { options: pinoHttp[0], stream: pinoHttp[1] }
    : { options: pinoHttp as Options, stream: undefined };
}

describe('loggerParams', () => {
  it('writes JSON to stdout by default', () => {
    const { options, stream } = httpOptions({});
    expect(options.transport).toBeUndefined();
    expect(stream).toBeUndefined();
  });

  it('hands the console to pino-pretty with LOG_FORMAT=pretty', () => {
    const { options } = httpOptions({ LOG_FORMAT: 'pretty' });
    expect(options.transport).toMatchObject({ target: 'pino-pretty', options: { destination: 1 } });
    expect(() => require.resolve('pino-pretty')).not.toThrow();
  });
});
