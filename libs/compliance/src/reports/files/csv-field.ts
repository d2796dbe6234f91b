import type { ReportValue } from '../report-source';
import { neutraliseFormula } from './spreadsheet-cell';

/** RFC 4180: a field holding a comma, a quote or a line break (a lone CR or LF too) is quoted. */
const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

/**
 * One CSV field: text neutralised against formulas, then quoted (inner quotes doubled) where it must be; a number
 * as JavaScript prints it; empty as nothing. What csv-stringify wrote for the same cell (a spec holds them
 * together; it left a lone CR or LF unquoted), at a fraction of its cost per cell: a report writes millions.
 */
export function csvField(value: ReportValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = neutraliseFormula(String(value));
  return NEEDS_QUOTES.test(text) ? `"${text.replace(QUOTE, '""')}"` : text;
}

/** One CSV record with its CRLF. */
export function csvRecord(values: readonly (ReportValue | undefined)[]): string {
  let line = values.length > 0 ? csvField(values[0]) : '';
  for (let i = 1; i < values.length; i++) line += `,${csvField(values[i])}`;
  return `${line}\r\n`;
}
