import type { ReportColumn, ReportFormat, ReportRow } from '../report-source';
import { CsvReportWriter } from './csv-report.writer';
import { XlsxReportWriter } from './xlsx-report.writer';

/** Writes one report file row batch by row batch; nothing but the current batch is held in memory. */
export interface ReportWriter {
  /** Appends rows (values in the columns' order); resolves once the file can take more (backpressure). */
  write(rows: readonly ReportRow[]): Promise<void>;
  /** Ends the file: resolves once every byte is on disk and the file is closed. */
  finish(): Promise<void>;
  /** Stops after an error and closes the file; the caller deletes it. */
  abort(): Promise<void>;
}

export function openReportWriter(
  format: ReportFormat,
  path: string,
  columns: readonly ReportColumn[],
): Promise<ReportWriter> {
  return format === 'csv' ? CsvReportWriter.open(path, columns) : XlsxReportWriter.open(path, columns);
}
