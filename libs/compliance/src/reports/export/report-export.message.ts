import type { ReportColumn, ReportFormat } from '../report-source';

/** What the export process is asked to build: one run of one report, its statement already made by the worker. */
export interface ReportExportRequest {
  /** The app role's connection (DATABASE_APP_URL): row-level security applies to it. */
  databaseUrl: string;
  organizationId: string;
  statement: { sql: string; params: unknown[] };
  format: ReportFormat;
  columns: readonly ReportColumn[];
  /** The run's part file in STORAGE_DIR, created by the worker's `ReportFiles.startRun`. */
  partPath: string;
  batchSize: number;
  /** A `progress` message goes out at least every this many rows. */
  progressEvery: number;
}

/** What a failure was, for `failureReason`: never shown as such (its message may hold SQL or values). */
export interface ReportExportFault {
  message: string;
  /** A SQLSTATE or an errno code. */
  code?: string;
  /** Set on file system errors. */
  syscall?: string;
}

export type ReportExportMessage =
  | { type: 'progress'; rowCount: number }
  | { type: 'done'; rowCount: number }
  | { type: 'failed'; fault: ReportExportFault };
