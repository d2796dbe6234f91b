import { stringify } from 'csv-stringify/sync';
import type { ReportValue } from '../report-source';
import { csvField, csvRecord } from './csv-field';
import { neutraliseFormula } from './spreadsheet-cell';

/**
 * The reference: csv-stringify as the writer used it, except that a lone line feed or carriage return is quoted too
 * (csv-stringify with CRLF records leaves it bare, and a spreadsheet then splits the record there).
 */
const REFERENCE = { record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;

const VALUES: ReportValue[] = [
  'plain',
  'José Núñez',
  '',
  ' leading space',
  'a,b',
  'say "hi"',
  '"',
  'line\nbreak',
  'carriage\rreturn',
  'crlf\r\n',
  '=1+1',
  '+1',
  '-2',
  '@x',
  '\tTabbed',
  '\rReturned',
  '=HYPERLINK("http://evil.test","x")',
  "'quoted",
  'O’Brien',
  '2026-12-04',
  0,
  -2,
  1.5,
  1e21,
  null,
];

describe('csvField', () => {
  it.each(VALUES.map((value) => [value]))(
    'writes %j as the reference writes the neutralised cell',
    (value) => {
      const cell = typeof value === 'string' ? neutraliseFormula(value) : value;
      expect(`${csvField(value)}\r\n`).toBe(stringify([[cell]], REFERENCE));
    },
  );

  it('writes a record as the reference does, CRLF-terminated', () => {
    const cells = VALUES.map((value) => (typeof value === 'string' ? neutraliseFormula(value) : value));
    expect(csvRecord(VALUES)).toBe(stringify([cells], REFERENCE));
  });
});
