import type { stream, Worksheet } from 'exceljs';
import { once } from 'node:events';
import type { ReportColumn, ReportRow } from '../report-source';
import { FileOutput } from './file-output';
import type { ReportWriter } from './report-writer';
import { cellValue } from './spreadsheet-cell';

/**
 * exceljs 4.4 (pinned) internals: the sheet's buffer hands each 64 KB of XML to the zip entry's stream (a
 * readable-stream PassThrough) without waiting for it, so rows made faster than they are deflated pile up in memory
 * (858 MB of peak RSS at 1,000,000 rows). Its writable state tells when it holds more than it wants.
 */
interface SheetBuffer {
  pipes?: Array<NodeJS.EventEmitter & { _writableState?: { needDrain?: boolean } }>;
}

const SHEET_NAME = 'Report';
const COLUMN_WIDTH = 22;

/**
 * An Excel workbook written as a stream (exceljs' WorkbookWriter): each row is committed as it is added, so the
 * sheet is never held whole. No shared strings and no styles: both would be kept in memory until the end.
 */
export class XlsxReportWriter implements ReportWriter {
  private constructor(
    private readonly out: FileOutput,
    private readonly workbook: stream.xlsx.WorkbookWriter,
    private readonly sheet: Worksheet,
  ) {}

  static async open(path: string, columns: readonly ReportColumn[]): Promise<XlsxReportWriter> {
    // Loaded with the first workbook, not with the worker: ~7 MB of resident memory a worker that only ever
    // writes CSV does without.
    const { default: excel } = await import('exceljs');
    const out = await FileOutput.open(path);
    const workbook = new excel.stream.xlsx.WorkbookWriter({
      stream: out.stream,
      useSharedStrings: false,
      useStyles: false,
    });
    const sheet = workbook.addWorksheet(SHEET_NAME);
    sheet.columns = columns.map((column) => ({ key: column.key, width: COLUMN_WIDTH }));
    sheet.addRow(columns.map((column) => column.header)).commit();
    return new XlsxReportWriter(out, workbook, sheet);
  }

  async write(rows: readonly ReportRow[]): Promise<void> {
    for (const row of rows) this.sheet.addRow(row.map(cellValue)).commit();
    await this.zipCaughtUp();
    await this.out.drain();
  }

  /** Waits until the zip has taken in what the sheet handed it (see SheetBuffer). */
  private async zipCaughtUp(): Promise<void> {
    const buffer = (this.sheet as unknown as { stream?: SheetBuffer }).stream;
    for (const pipe of buffer?.pipes ?? []) if (pipe._writableState?.needDrain) await once(pipe, 'drain');
  }

  async finish(): Promise<void> {
    this.sheet.commit();
    // Resolves once the zip has been written out to the stream and the stream has finished.
    await this.workbook.commit();
    await this.out.close();
  }

  abort(): Promise<void> {
    return this.out.destroy();
  }
}
