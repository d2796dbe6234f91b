import { stringify } from 'csv-stringify/sync';
import type { ReportColumn, ReportRow } from '../report-source';
import { FileOutput } from './file-output';
import type { ReportWriter } from './report-writer';
import { cellValue } from './spreadsheet-cell';

/** Lets Excel read the file as UTF-8 (accented names), which it otherwise takes for the local code page. */
const BOM = '\ufeff';

/** RFC 4180: CRLF between records, fields quoted where they hold a comma, a quote or a line break. */
const OPTIONS = { record_delimiter: 'windows' } as const;

/** A CSV report: UTF-8 with a BOM, a header row, then one record per row. */
export class CsvReportWriter implements ReportWriter {
  private constructor(
    private readonly out: FileOutput,
    private readonly keys: readonly string[],
  ) {}

  static async open(path: string, columns: readonly ReportColumn[]): Promise<CsvReportWriter> {
    const out = await FileOutput.open(path);
    out.stream.write(BOM + stringify([columns.map((column) => column.header)], OPTIONS));
    return new CsvReportWriter(
      out,
      columns.map((column) => column.key),
    );
  }

  async write(rows: readonly ReportRow[]): Promise<void> {
    if (rows.length === 0) return;
    const records = rows.map((row) => this.keys.map((key) => cellValue(row[key])));
    this.out.stream.write(stringify(records, OPTIONS));
    await this.out.drain();
  }

  finish(): Promise<void> {
    return this.out.close();
  }

  abort(): Promise<void> {
    return this.out.destroy();
  }
}
