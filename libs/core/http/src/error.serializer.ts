/**
 * What an error log keeps. TypeORM's QueryFailedError carries the statement and its parameters (argon2 hashes,
 * invitation links, import rows) and the driver's error with the failing values in `detail`; none of it is logged.
 */
export interface LoggedError {
  type: string;
  message: string;
  /** SQLSTATE of a database error. */
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  stack?: string;
  cause?: LoggedError;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;
const MAX_CAUSE_DEPTH = 3;

interface DatabaseErrorFields {
  code?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  severity?: unknown;
  driverError?: unknown;
}

function isDatabaseError(error: Error & DatabaseErrorFields): boolean {
  return (
    error.driverError !== undefined ||
    (typeof error.code === 'string' && SQLSTATE.test(error.code) && error.severity !== undefined)
  );
}

/**
 * PostgreSQL quotes the offending value in some messages (`invalid input syntax for type uuid: "…"`); identifiers
 * are quoted the same way, so every quoted span goes and the constraint, table and column are kept as fields.
 */
export function scrubDatabaseMessage(message: string): string {
  return message.replace(/"(?:[^"]|"")*"/g, '"…"').replace(/'(?:[^']|'')*'/g, "'…'");
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The stack frames without the first line, which repeats the (unscrubbed) message. */
function framesOf(stack: string | undefined): string | undefined {
  if (!stack) return undefined;
  const first = stack.indexOf('\n    at ');
  return first === -1 ? undefined : stack.slice(first + 1);
}

function serialize(error: unknown, depth: number): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error) };
  const fields = error as Error & DatabaseErrorFields;
  const database = isDatabaseError(fields);
  const message = database ? scrubDatabaseMessage(error.message) : error.message;
  const frames = framesOf(error.stack);
  const logged: LoggedError = {
    type: error.constructor?.name ?? error.name,
    message,
    ...(frames ? { stack: `${error.name}: ${message}\n${frames}` } : {}),
  };
  if (database) {
    const code = text(fields.code);
    const constraint = text(fields.constraint);
    const table = text(fields.table);
    const column = text(fields.column);
    Object.assign(logged, {
      ...(code ? { code } : {}),
      ...(constraint ? { constraint } : {}),
      ...(table ? { table } : {}),
      ...(column ? { column } : {}),
    });
  }
  if (error.cause !== undefined && depth < MAX_CAUSE_DEPTH) logged.cause = serialize(error.cause, depth + 1);
  return logged;
}

/** The one error serializer of every log (pino's `err`): class, scrubbed message, SQLSTATE, constraint, stack. */
export function serializeError(error: unknown): LoggedError {
  return serialize(error, 0);
}
