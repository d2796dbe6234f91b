import type { ReportValue } from '../report-source';

/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab and carriage return, that Excel strips
 * before it does). Names and titles come from imported files, so any of them may start with one.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet will show as text: a leading formula character gets a `'` before it (OWASP's advice). */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A value as a cell: text neutralised, numbers kept as numbers, empty as null. */
export function cellValue(value: ReportValue | undefined): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  return neutraliseFormula(String(value));
}
