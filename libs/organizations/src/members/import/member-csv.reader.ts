import { CsvError, parse } from 'csv-parse';
import { Transform } from 'node:stream';
import type { Readable } from 'node:stream';
import { CsvTextChecker } from './csv-text.checker';

export const IMPORT_COLUMNS = [
  'email',
  'name',
  'employee_id',
  'site',
  'department',
  'job_title',
  'roles',
  'manager_email',
  'license_type',
  'license_state',
  'license_number',
  'license_expires_on',
  'locale',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export interface CsvRow {
  /** The line in the file where the record starts; the header is line 1. */
  line: number;
  values: Partial<Record<ImportColumn, string>>;
}

export interface RowError {
  row: number;
  field: string;
  message: string;
}

export class CsvTooLargeError extends Error {}

/** The file is not clean UTF-8 text: the first bad line, reported alone since nothing after it can be trusted. */
class CsvTextError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

interface RawRecord {
  record: string[];
  raw: string;
}

export interface CsvReadResult {
  rows: CsvRow[];
  errors: RowError[];
  /** The header names an email column: the rows can be checked too, even when the file has other errors. */
  rowsCheckable: boolean;
}

// csv-parse's own line counters are off for CRLF files, and its `raw` text keeps only the `\r` of a CRLF that ends
// a record (or an empty line): so a line break is any of CRLF, CR or LF.
const LEADING_BREAKS = /^(?:\r\n|\r|\n)+/;
const TRAILING_BREAK = /(?:\r\n|\r|\n)$/;
const LINE_BREAK = /\r\n|\r|\n/g;

function countBreaks(text: string): number {
  return text.match(LINE_BREAK)?.length ?? 0;
}

/**
 * Streams a roster CSV: a UTF-8 BOM is accepted, the header names the columns (any order, unknown ones refused),
 * empty lines are skipped, and each record keeps the line where it starts, even when a quoted field spans lines.
 */
export async function readMemberCsv(input: Readable, maxBytes: number): Promise<CsvReadResult> {
  // Fields are trimmed below rather than by the parser: its trim option costs more than String.trim.
  // Records are taken synchronously (on_record) so that those before a parse error are kept, in order.
  const parser = parse({
    bom: true,
    raw: true,
    skip_empty_lines: true,
    relax_column_count: true,
    // (typed as plain records; with `raw` each one arrives as { record, raw })
    on_record: (item: unknown) => {
      onRecord(item as RawRecord);
      return null;
    },
  });
  const rows: CsvRow[] = [];
  const errors: RowError[] = [];
  let header: string[] | null = null;
  let known: boolean[] = [];
  let lastLine = 0;
  let bytes = 0;

  input.on('data', (chunk: Buffer | string) => {
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    if (bytes > maxBytes && !parser.destroyed) {
      // Stop reading, but leave the input (an HTTP request) open: the caller still answers 413 on its socket.
      input.unpipe(checked);
      input.pause();
      parser.destroy(new CsvTooLargeError(`The file is larger than ${maxBytes} bytes.`));
    }
  });
  // Every byte is checked as UTF-8 text before the parser sees it: the parser itself would turn bad bytes into
  // U+FFFD silently, and PostgreSQL refuses a NUL only at the real import.
  const checker = new CsvTextChecker();
  const checked = new Transform({
    transform(chunk: Buffer | string, _encoding, done) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      const fault = checker.check(bytes);
      if (fault) done(new CsvTextError(fault.line, fault.message));
      // A turn of the event loop between chunks, so the api keeps answering while a large file is parsed,
      // even when the chunks are already in memory (an upload).
      else setImmediate(() => done(null, bytes));
    },
    flush(done) {
      const fault = checker.end();
      done(fault ? new CsvTextError(fault.line, fault.message) : null);
    },
  });
  checked.on('error', (error) => {
    input.unpipe(checked);
    input.pause();
    parser.destroy(error);
  });
  input.pipe(checked).pipe(parser);
  input.on('error', (error) => parser.destroy(error));

  /** The line where the record whose raw text this is starts (past the empty lines before it). */
  const startOf = (raw: string) => lastLine + 1 + countBreaks(LEADING_BREAKS.exec(raw)?.[0] ?? '');

  function onRecord({ record, raw }: RawRecord) {
    const leading = LEADING_BREAKS.exec(raw)?.[0] ?? '';
    const line = startOf(raw);
    const body = raw.slice(leading.length).replace(TRAILING_BREAK, '');
    lastLine = line + countBreaks(body);
    if (header === null) {
      header = record.map((name) => name.trim().toLowerCase());
      errors.push(...checkHeader(header, line));
      known = header.map((column) => (IMPORT_COLUMNS as readonly string[]).includes(column));
      return;
    }
    if (record.length !== header.length) {
      errors.push({
        row: line,
        field: header[Math.min(record.length, header.length - 1)] ?? 'email',
        message: `this row has ${record.length} fields; the header has ${header.length}`,
      });
      return;
    }
    const values: CsvRow['values'] = {};
    for (let index = 0; index < header.length; index += 1) {
      if (known[index]) values[header[index] as ImportColumn] = record[index].trim();
    }
    rows.push({ line, values });
  }

  try {
    await new Promise<void>((resolve, reject) => {
      parser.on('data', () => undefined);
      parser.on('end', resolve);
      parser.on('error', reject);
    });
  } catch (error) {
    if (error instanceof CsvTooLargeError) throw error;
    if (error instanceof CsvTextError) {
      return {
        rows: [],
        errors: [{ row: error.line, field: 'file', message: error.message }],
        rowsCheckable: false,
      };
    }
    if (error instanceof CsvError) {
      const at = error as CsvError & { raw?: string; index?: number };
      errors.push({
        row: startOf(at.raw ?? ''),
        field: header?.[at.index ?? 0] ?? header?.[0] ?? 'email',
        message: `the file is not valid CSV: ${error.message.split(':')[0]}`,
      });
      return { rows, errors, rowsCheckable: checkable(header) };
    }
    throw error;
  }
  if (header === null)
    errors.push({ row: 1, field: 'email', message: 'the file is empty: a header row is required' });
  return { rows, errors, rowsCheckable: checkable(header) };
}

function checkable(header: string[] | null): boolean {
  return header !== null && header.includes('email');
}

function checkHeader(header: string[], line: number): RowError[] {
  const errors: RowError[] = [];
  header.forEach((column, index) => {
    if (!(IMPORT_COLUMNS as readonly string[]).includes(column)) {
      errors.push({
        row: line,
        field: column || `column ${index + 1}`,
        message: `unknown column; allowed: ${IMPORT_COLUMNS.join(', ')}`,
      });
    } else if (header.indexOf(column) !== index) {
      errors.push({ row: line, field: column, message: 'this column appears twice' });
    }
  });
  if (!header.includes('email'))
    errors.push({ row: line, field: 'email', message: 'the email column is required' });
  return errors;
}
