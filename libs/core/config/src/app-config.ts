import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseDuration } from './duration';
import { parseStateApprovals, StateApproval } from './state-approvals';

export interface AppConfig {
  readonly nodeEnv: string;
  readonly production: boolean;
  /** Owner connection: creates the database and roles, runs migrations. Never used by the running app. */
  readonly databaseUrl: string;
  /** The only connection the running app uses: a role that owns nothing and has no BYPASSRLS. */
  readonly databaseAppUrl: string;
  readonly redisUrl: string;
  readonly queuePrefix: string;
  readonly smtpUrl: string | null;
  readonly outboxDir: string;
  readonly mailFrom: string;
  readonly port: number;
  readonly publicUrl: string;
  readonly jwtSecret: string;
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenTtlSeconds: number;
  readonly bootstrapAdminEmail: string;
  readonly bootstrapAdminPassword: string | null;
  readonly reminderSweepEveryMs: number;
  readonly outboxPollEveryMs: number;
  /** How long a sender holds a notification it is mailing; a sender that dies is replaced once it runs out. */
  readonly outboxLeaseSeconds: number;
  /** Mails sent per second at most, across every worker (BullMQ's limiter): below what the SMTP relay accepts. */
  readonly mailRatePerSecond: number;
  /**
   * An import that changes more members than this hands their invitations and enrollments to the worker, which
   * writes them this many members per transaction after the import has committed.
   */
  readonly importBatchSize: number;
  readonly storageDir: string;
  /** Days a generated report file is kept (from when it was ready); the report sweep then deletes it. */
  readonly reportRetentionDays: number;
  /** How often the worker deletes expired report files, queues again reports whose job was lost, and runs due report schedules. */
  readonly reportSweepEveryMs: number;
  /** Time a facilitator needs between two live sessions (travel); sessions closer than this conflict. */
  readonly sessionTravelBufferMs: number;
  readonly trustProxy: boolean;
  readonly loginMaxFailures: number;
  /** Failed logins from one IP per window: high, because a hospital's staff share one address. */
  readonly loginMaxFailuresPerIp: number;
  readonly loginWindowMs: number;
  readonly providerName: string;
  readonly providerAddress: string;
  /** Accreditation or designation statements the provider is entitled to print; none unless configured. */
  readonly accreditationStatements: readonly string[];
  /** The credit types the provider is accredited to award; a certificate claims no other. */
  readonly creditTypes: readonly CreditType[];
  /** The provider's course approvals per state (`PROVIDER_STATE_APPROVALS`); only these count toward state rules. */
  readonly stateApprovals: readonly StateApproval[];
  /** The share (0..1) of a module's estimated minutes that must pass between opening and completing it. */
  readonly moduleMinTimeShare: number;
  readonly providerInbox: string;
  readonly logLevel: string;
  /** `json` (one JSON object a line, for collectors) or `pretty` (a readable console in development). */
  readonly logFormat: 'json' | 'pretty';
  /** Where logs are appended instead of stdout; null for stdout. */
  readonly logFile: string | null;
  readonly stateDir: string;
  /** The built web app (Vite's output); the api serves it at `/` when its index.html exists. */
  readonly webDistDir: string;
}

export interface CreditType {
  readonly code: string;
  readonly label: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Record<string, string | undefined>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAIL_FROM = /^(.+<[^\s@]+@[^\s@]+>|[^\s@]+@[^\s@]+)$/;

function isCreditType(item: unknown): item is CreditType {
  if (typeof item !== 'object' || item === null) return false;
  const fields = item as Record<string, unknown>;
  return (
    Object.keys(fields).every((key) => key === 'code' || key === 'label') &&
    typeof fields.code === 'string' &&
    fields.code.trim() !== '' &&
    typeof fields.label === 'string' &&
    fields.label.trim() !== ''
  );
}

class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  url(name: string, protocols: string[], fallback: string | undefined): string | undefined {
    const value = this.raw(name) ?? fallback;
    if (value === undefined) return undefined;
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol)) {
        this.problems.push(`${name} must be a ${protocols.join(' or ')} URL`);
      }
    } catch {
      this.problems.push(`${name} is not a valid URL`);
    }
    return value;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max}`);
      return fallback;
    }
    return parsed;
  }

  duration(name: string, fallback: string): number {
    const value = this.raw(name) ?? fallback;
    const parsed = parseDuration(value);
    if (parsed === null) {
      this.problems.push(`${name} must be a duration such as 5s, 1m, 15m, 2h or 7d`);
      return parseDuration(fallback) as number;
    }
    return parsed;
  }

  /** A JSON array of strings, or one plain statement. */
  list(name: string): string[] {
    const value = this.raw(name);
    if (value === undefined) return [];
    if (!value.startsWith('[')) return [value];
    try {
      const parsed: unknown = JSON.parse(value);
      if (Array.isArray(parsed) && parsed.every((item) => typeof item === 'string' && item.trim() !== '')) {
        return parsed.map((item: string) => item.trim());
      }
    } catch {
      // reported below
    }
    this.problems.push(`${name} must be a JSON array of non-empty strings, or a single statement`);
    return [];
  }

  /** A JSON array of `{ code, label }` with non-empty strings and unique codes. */
  creditTypes(name: string): CreditType[] {
    const value = this.raw(name);
    if (value === undefined) return [];
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      parsed = undefined;
    }
    const valid = Array.isArray(parsed) && parsed.every(isCreditType);
    if (!valid) {
      this.problems.push(`${name} must be a JSON array of { "code", "label" } with non-empty strings`);
      return [];
    }
    const types = (parsed as CreditType[]).map((item) => ({
      code: item.code.trim(),
      label: item.label.trim(),
    }));
    if (new Set(types.map((type) => type.code)).size !== types.length) {
      this.problems.push(`${name} must not list a code twice`);
      return [];
    }
    return types;
  }

  stateApprovals(name: string): StateApproval[] {
    const { approvals, problems } = parseStateApprovals(name, this.raw(name));
    this.problems.push(...problems);
    return approvals;
  }

  fraction(name: string, fallback: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed < 0 || parsed > 1) {
      this.problems.push(`${name} must be a number from 0 to 1`);
      return fallback;
    }
    return parsed;
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (['true', '1', 'yes'].includes(value.toLowerCase())) return true;
    if (['false', '0', 'no'].includes(value.toLowerCase())) return false;
    this.problems.push(`${name} must be true or false`);
    return fallback;
  }

  matching(name: string, fallback: string, pattern: RegExp, what: string): string {
    const value = this.string(name, fallback);
    if (!pattern.test(value)) this.problems.push(`${name} must be ${what}`);
    return value;
  }

  required(name: string): void {
    if (this.raw(name) === undefined) this.problems.push(`${name} is required when NODE_ENV=production`);
  }
}

function appUrlFrom(ownerUrl: string): string {
  try {
    const url = new URL(ownerUrl);
    url.username = 'beacon_app';
    url.password = '';
    return url.toString();
  } catch {
    return ownerUrl;
  }
}

/** A secret generated once into the state folder and reused, so tokens survive restarts on a developer's machine. */
function persistedSecret(stateDir: string): string {
  const file = resolve(stateDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

/** Reads and validates the whole environment at once, so a bad boot names every bad variable together. */
export function loadConfig(env: Env = process.env): AppConfig {
  const r = new Reader(env);
  const nodeEnv = r.string('NODE_ENV', 'development');
  const production = nodeEnv === 'production';
  if (production) ['JWT_SECRET', 'SMTP_URL', 'DATABASE_APP_URL'].forEach((name) => r.required(name));

  const databaseUrl = r.url(
    'DATABASE_URL',
    ['postgres:', 'postgresql:'],
    'postgres://postgres@127.0.0.1:5432/beacon',
  ) as string;
  const databaseAppUrl = r.url(
    'DATABASE_APP_URL',
    ['postgres:', 'postgresql:'],
    appUrlFrom(databaseUrl),
  ) as string;
  const redisUrl = r.url('REDIS_URL', ['redis:', 'rediss:'], 'redis://127.0.0.1:6379') as string;
  const smtpUrl = r.url('SMTP_URL', ['smtp:', 'smtps:'], undefined) ?? null;
  const port = r.int('PORT', 3000, 0, 65535);
  const publicUrl = (r.url('PUBLIC_URL', ['http:', 'https:'], `http://localhost:${port}`) as string).replace(
    /\/+$/,
    '',
  );
  const stateDir = resolve(r.string('BEACON_STATE_DIR', '.beacon'));

  const jwtFromEnv = r.raw('JWT_SECRET');
  if (jwtFromEnv !== undefined && jwtFromEnv.length < 32)
    r.problems.push('JWT_SECRET must be at least 32 characters');
  const bootstrapPassword = r.raw('BOOTSTRAP_ADMIN_PASSWORD') ?? null;
  if (bootstrapPassword !== null && bootstrapPassword.length < 12) {
    r.problems.push('BOOTSTRAP_ADMIN_PASSWORD must be at least 12 characters');
  }

  const config: AppConfig = {
    nodeEnv,
    production,
    databaseUrl,
    databaseAppUrl,
    redisUrl,
    queuePrefix: r.matching(
      'QUEUE_PREFIX',
      'beacon',
      /^[A-Za-z0-9_{}:-]{1,64}$/,
      'letters, digits, _ - : { } (1–64)',
    ),
    smtpUrl,
    outboxDir: resolve(r.string('OUTBOX_DIR', '.beacon/outbox')),
    mailFrom: r.matching(
      'MAIL_FROM',
      'Beacon <no-reply@beacon.local>',
      MAIL_FROM,
      'an address like "Name <a@b.c>"',
    ),
    port,
    publicUrl,
    jwtSecret: '',
    accessTokenTtlSeconds: Math.floor(r.duration('ACCESS_TOKEN_TTL', '15m') / 1000),
    refreshTokenTtlSeconds: Math.floor(r.duration('REFRESH_TOKEN_TTL', '30d') / 1000),
    bootstrapAdminEmail: r
      .matching('BOOTSTRAP_ADMIN_EMAIL', 'admin@beacon.local', EMAIL, 'an email address')
      .toLowerCase(),
    bootstrapAdminPassword: bootstrapPassword,
    reminderSweepEveryMs: r.duration('REMINDER_SWEEP_EVERY', '15m'),
    outboxPollEveryMs: r.duration('OUTBOX_POLL_EVERY', '10s'),
    outboxLeaseSeconds: Math.ceil(r.duration('OUTBOX_LEASE', '60s') / 1000),
    mailRatePerSecond: r.int('MAIL_RATE_PER_SECOND', 50, 1, 100_000),
    importBatchSize: r.int('IMPORT_BATCH_SIZE', 10_000, 1, 100_000),
    storageDir: resolve(r.string('STORAGE_DIR', '.beacon/files')),
    reportRetentionDays: r.int('REPORT_RETENTION_DAYS', 7, 1, 3650),
    reportSweepEveryMs: r.duration('REPORT_SWEEP_EVERY', '1m'),
    sessionTravelBufferMs: r.duration('SESSION_TRAVEL_BUFFER', '60m'),
    trustProxy: r.bool('TRUST_PROXY', false),
    loginMaxFailures: r.int('LOGIN_MAX_FAILURES', 10, 1, 10_000),
    loginMaxFailuresPerIp: r.int('LOGIN_MAX_FAILURES_PER_IP', 200, 1, 1_000_000),
    loginWindowMs: r.duration('LOGIN_WINDOW', '15m'),
    providerName: r.string('PROVIDER_NAME', 'Beacon Training'),
    providerAddress: r.string('PROVIDER_ADDRESS', ''),
    accreditationStatements: r.list('PROVIDER_ACCREDITATION_STATEMENTS'),
    creditTypes: r.creditTypes('PROVIDER_CREDIT_TYPES'),
    stateApprovals: r.stateApprovals('PROVIDER_STATE_APPROVALS'),
    moduleMinTimeShare: r.fraction('MODULE_MIN_TIME_SHARE', 0.5),
    providerInbox: r.matching('PROVIDER_INBOX', 'training@beacon.local', EMAIL, 'an email address'),
    logLevel: r.matching('LOG_LEVEL', 'info', /^(fatal|error|warn|info|debug|trace|silent)$/, 'a pino level'),
    logFormat: r.matching(
      'LOG_FORMAT',
      'json',
      /^(json|pretty)$/,
      'json or pretty',
    ) as AppConfig['logFormat'],
    logFile: r.raw('LOG_FILE') === undefined ? null : resolve(r.string('LOG_FILE', '')),
    stateDir,
    webDistDir: resolve(r.string('WEB_DIST_DIR', 'dist/apps/web')),
  };
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return { ...config, jwtSecret: jwtFromEnv ?? persistedSecret(stateDir) };
}
