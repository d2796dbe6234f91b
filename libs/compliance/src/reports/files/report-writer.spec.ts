import { Workbook } from 'exceljs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReportColumn, ReportRow } from '../report-source';
import { openReportWriter } from './report-writer';

const COLUMNS: ReportColumn[] = [
  { key: 'name', header: 'Member' },
  { key: 'hours', header: 'Credit hours' },
  { key: 'note', header: 'Note' },
];

const ROWS: ReportRow[] = [
  ['José Núñez', 1.5, 'line one\nline "two", with a comma'],
  ['=HYPERLINK("http://evil.test","x")', null, '+1'],
  ['-2', 0, '@x'],
  ['\tTabbed', 2, null],
];

describe('report writers', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'beacon-report-writer-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function written(format: 'csv' | 'xlsx', batches: ReportRow[][]): Promise<string> {
    const path = join(dir, `report-${Math.random().toString(36).slice(2)}.${format}`);
    const writer = await openReportWriter(format, path, COLUMNS);
    for (const batch of batches) await writer.write(batch);
    await writer.finish();
    return path;
  }

  it('writes CSV in UTF-8 with a BOM and CRLF records, quoting what needs it and neutralising formulas', async () => {
    const text = await readFile(await written('csv', [ROWS.slice(0, 2), [], ROWS.slice(2)]), 'utf8');
    expect(text.startsWith('\ufeffMember,Credit hours,Note\r\n')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      'Member,Credit hours,Note',
      'José Núñez,1.5,"line one\nline ""two"", with a comma"',
      `"'=HYPERLINK(""http://evil.test"",""x"")",,'+1`,
      `'-2,0,'@x`,
      `'\tTabbed,2,`,
      '',
    ]);
  });

  it('writes an Excel workbook that a reader opens: a header row, numbers as numbers, formulas as text', async () => {
    const workbook = new Workbook();
    await workbook.xlsx.readFile(await written('xlsx', [ROWS.slice(0, 3), ROWS.slice(3)]));
    const sheet = workbook.getWorksheet('Report');
    const values = (sheet?.getSheetValues() ?? []).filter(Boolean).map((row) => (row as unknown[]).slice(1));
    expect(values).toEqual([
      ['Member', 'Credit hours', 'Note'],
      ['José Núñez', 1.5, 'line one\nline "two", with a comma'],
      [`'=HYPERLINK("http://evil.test","x")`, undefined, "'+1"],
      ["'-2", 0, "'@x"],
      ["'\tTabbed", 2],
    ]);
    for (const row of sheet?.getRows(1, 5) ?? [])
      row.eachCell((cell) => expect(cell.formula).toBeUndefined());
  });

  it('refuses a path that cannot be written with a rejected promise, not a crash', async () => {
    await expect(
      openReportWriter('csv', join(dir, 'no-such-folder', 'x.csv'), COLUMNS),
    ).rejects.toMatchObject({
      code: 'ENOENT',
    });
    await expect(
      openReportWriter('xlsx', join(dir, 'no-such-folder', 'x.xlsx'), COLUMNS),
    ).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
