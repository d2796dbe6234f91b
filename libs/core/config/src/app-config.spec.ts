import { resolve } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

const base = { JWT_SECRET: 'x'.repeat(40) };

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({ ...base });
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/beacon');
    expect(config.databaseAppUrl).toBe('postgres://beacon_app@127.0.0.1:5432/beacon');
    expect(config.port).toBe(3000);
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.queuePrefix).toBe('beacon');
    expect(config.smtpUrl).toBeNull();
    expect(config.reminderSweepEveryMs).toBe(15 * 60_000);
    expect(config.loginMaxFailures).toBe(10);
    expect(config.loginMaxFailuresPerIp).toBe(200);
    expect(config.trustProxy).toBe(false);
    expect(config.importBatchSize).toBe(10_000);
    expect(config.mailRatePerSecond).toBe(50);
    expect(config.creditTypes).toEqual([]);
    expect(config.accreditationStatements).toEqual([]);
    expect(config.moduleMinTimeShare).toBe(0.5);
    expect(config.reportRetentionDays).toBe(7);
    expect(config.reportSweepEveryMs).toBe(60_000);
    expect(config.sessionTravelBufferMs).toBe(60 * 60_000);
  });

  it('reads the travel buffer between live sessions as a duration, naming the variable when it is not one', () => {
    expect(loadConfig({ ...base, SESSION_TRAVEL_BUFFER: '90m' }).sessionTravelBufferMs).toBe(90 * 60_000);
    expect(() => loadConfig({ ...base, SESSION_TRAVEL_BUFFER: 'an hour' })).toThrow(/SESSION_TRAVEL_BUFFER/);
  });

  it('reads the report retention in whole days, and refuses anything else naming the variable', () => {
    expect(loadConfig({ ...base, REPORT_RETENTION_DAYS: '30' }).reportRetentionDays).toBe(30);
    for (const value of ['0', '-1', '1.5', 'a week', '3651'])
      expect(() => loadConfig({ ...base, REPORT_RETENTION_DAYS: value })).toThrow(/REPORT_RETENTION_DAYS/);
  });

  it('reads the credit types the provider is accredited for and the module time share', () => {
    const config = loadConfig({
      ...base,
      PROVIDER_CREDIT_TYPES: JSON.stringify([
        { code: 'nursing_contact_hours', label: ' Nursing contact hours ' },
        { code: 'ipce', label: 'IPCE credit' },
      ]),
      MODULE_MIN_TIME_SHARE: '0',
    });
    expect(config.creditTypes).toEqual([
      { code: 'nursing_contact_hours', label: 'Nursing contact hours' },
      { code: 'ipce', label: 'IPCE credit' },
    ]);
    expect(config.moduleMinTimeShare).toBe(0);
  });

  it.each([
    ['not JSON', '{nope'],
    ['an object', '{"code":"a","label":"b"}'],
    ['an empty label', '[{"code":"a","label":" "}]'],
    ['a missing code', '[{"label":"b"}]'],
    ['a number as code', '[{"code":1,"label":"b"}]'],
    ['an unknown key', '[{"code":"a","label":"b","hours":1}]'],
    ['a code twice', '[{"code":"a","label":"b"},{"code":"a","label":"c"}]'],
  ])('refuses PROVIDER_CREDIT_TYPES given %s, naming the variable', (_what, value) => {
    expect(() => loadConfig({ ...base, PROVIDER_CREDIT_TYPES: value })).toThrow(/PROVIDER_CREDIT_TYPES/);
  });

  it.each(['-0.1', '1.5', 'half'])('refuses MODULE_MIN_TIME_SHARE=%s, naming the variable', (value) => {
    expect(() => loadConfig({ ...base, MODULE_MIN_TIME_SHARE: value })).toThrow(/MODULE_MIN_TIME_SHARE/);
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({
        ...base,
        PORT: 'eighty',
        REDIS_URL: 'http://x',
        REMINDER_SWEEP_EVERY: 'often',
        TRUST_PROXY: 'maybe',
        IMPORT_BATCH_SIZE: '0',
        MAIL_RATE_PER_SECOND: '0',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const name of [
      'PORT',
      'REDIS_URL',
      'REMINDER_SWEEP_EVERY',
      'TRUST_PROXY',
      'IMPORT_BATCH_SIZE',
      'MAIL_RATE_PER_SECOND',
    ])
      expect(message).toContain(name);
  });

  it('requires the production secrets in production and never echoes their values', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET.*\n.*SMTP_URL.*\n.*DATABASE_APP_URL/s,
    );
    let message = '';
    try {
      loadConfig({ JWT_SECRET: 'short-secret-value' });
    } catch (caught) {
      message = (caught as Error).message;
    }
    expect(message).toContain('JWT_SECRET');
    expect(message).not.toContain('short-secret-value');
  });

  it('reads the mail send rate and refuses one that is not a whole number of at least 1', () => {
    expect(loadConfig({ ...base, MAIL_RATE_PER_SECOND: '5' }).mailRatePerSecond).toBe(5);
    for (const value of ['0', '-1', '2.5', 'fast'])
      expect(() => loadConfig({ ...base, MAIL_RATE_PER_SECOND: value })).toThrow(/MAIL_RATE_PER_SECOND/);
  });

  it('accepts short durations for the reminder sweep', () => {
    expect(loadConfig({ ...base, REMINDER_SWEEP_EVERY: '5s' }).reminderSweepEveryMs).toBe(5_000);
  });

  it('logs JSON to stdout unless LOG_FORMAT or LOG_FILE say otherwise, and refuses an unknown format', () => {
    expect(loadConfig({ ...base })).toMatchObject({ logFormat: 'json', logFile: null });
    expect(loadConfig({ ...base, LOG_FORMAT: 'pretty', LOG_FILE: '/tmp/beacon.log' })).toMatchObject({
      logFormat: 'pretty',
      logFile: '/tmp/beacon.log',
    });
    expect(() => loadConfig({ ...base, LOG_FORMAT: 'yaml' })).toThrow(/LOG_FORMAT must be json or pretty/);
  });

  it('looks for the built web app in dist/apps/web under the working directory unless WEB_DIST_DIR says where', () => {
    expect(loadConfig({ ...base }).webDistDir).toBe(resolve('dist/apps/web'));
    expect(loadConfig({ ...base, WEB_DIST_DIR: '/srv/beacon/web' }).webDistDir).toBe('/srv/beacon/web');
  });
});
