import { CsvError, parse } from 'csv-parse';
import type { Readable } from 'node:stream';

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

export interface CsvReadResult {
  rows: CsvRow[];
  errors: RowError[];
}

const LEADING_NEWLINES = /^(?:\r?\n)+/;

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count += 1;
  return count;
}

/**
 * Streams a roster CSV: a UTF-8 BOM is accepted, the header names the columns (any order, unknown ones refused),
 * empty lines are skipped, and each record keeps the line where it starts, even when a quoted field spans lines.
 */
export async function readMemberCsv(input: Readable, maxBytes: number): Promise<CsvReadResult> {
  // Fields are trimmed below rather than by the parser: its trim option costs more than String.trim.
  const parser = parse({ bom: true, raw: true, skip_empty_lines: true, relax_column_count: true });
  const rows: CsvRow[] = [];
  const errors: RowError[] = [];
  let header: string[] | null = null;
  let known: boolean[] = [];
  let lastLine = 0;
  let bytes = 0;

  input.on('data', (chunk: Buffer | string) => {
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    if (bytes > maxBytes) input.destroy(new CsvTooLargeError(`The file is larger than ${maxBytes} bytes.`));
  });
  input.pipe(parser);
  input.on('error', (error) => parser.destroy(error));

  const onRecord = ({ record, raw }: { record: string[]; raw: string }) => {
    const leading = LEADING_NEWLINES.exec(raw)?.[0] ?? '';
    const line = lastLine + 1 + countNewlines(leading);
    const body = raw.slice(leading.length).replace(/\r?\n$/, '');
    lastLine = line + countNewlines(body);
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
  };

  try {
    await new Promise<void>((resolve, reject) => {
      parser.on('readable', () => {
        for (let item = parser.read(); item !== null; item = parser.read()) onRecord(item);
      });
      parser.on('end', resolve);
      parser.on('error', reject);
    });
  } catch (error) {
    if (error instanceof CsvTooLargeError) throw error;
    if (error instanceof CsvError) {
      const at = (error as CsvError & { lines?: number }).lines ?? lastLine + 1;
      errors.push({
        row: at,
        field: header?.[0] ?? 'email',
        message: `the file is not valid CSV: ${error.message.split(':')[0]}`,
      });
      return { rows, errors };
    }
    throw error;
  }
  if (header === null)
    errors.push({ row: 1, field: 'email', message: 'the file is empty: a header row is required' });
  return { rows, errors };
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
