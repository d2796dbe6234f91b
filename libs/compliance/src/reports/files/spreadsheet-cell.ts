import type { ReportValue } from '../report-source';

/**
 * Whether a spreadsheet would read the text as a formula (or, for tab and carriage return, strip them before it
 * does): it starts with `=`, `+`, `-`, `@`, tab or carriage return. Names and titles come from imported files, so
 * any of them may. A character code test: it runs for every text cell of a report (millions).
 */
function startsLikeFormula(text: string): boolean {
  const first = text.charCodeAt(0);
  return first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13;
}

/** Text a spreadsheet will show as text: a leading formula character gets a `'` before it (OWASP's advice). */
export function neutraliseFormula(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}

/** A value as a cell: text neutralised, numbers kept as numbers, empty as null. */
export function cellValue(value: ReportValue | undefined): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  return neutraliseFormula(String(value));
}
