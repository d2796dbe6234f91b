import type { ReportColumn, ReportRow } from '../report-source';
import { csvRecord } from './csv-field';
import { FileOutput } from './file-output';
import type { ReportWriter } from './report-writer';

/** Lets Excel read the file as UTF-8 (accented names), which it otherwise takes for the local code page. */
const BOM = '\ufeff';

/** A CSV report (RFC 4180, CRLF between records): UTF-8 with a BOM, a header row, then one record per row. */
export class CsvReportWriter implements ReportWriter {
  private constructor(private readonly out: FileOutput) {}

  static async open(path: string, columns: readonly ReportColumn[]): Promise<CsvReportWriter> {
    const out = await FileOutput.open(path);
    out.stream.write(BOM + csvRecord(columns.map((column) => column.header)));
    return new CsvReportWriter(out);
  }

  async write(rows: readonly ReportRow[]): Promise<void> {
    if (rows.length === 0) return;
    // One string and one write per batch: a write per row costs more than the row.
    let text = '';
    for (const row of rows) text += csvRecord(row);
    this.out.stream.write(text);
    await this.out.drain();
  }

  finish(): Promise<void> {
    return this.out.close();
  }

  abort(): Promise<void> {
    return this.out.destroy();
  }
}
