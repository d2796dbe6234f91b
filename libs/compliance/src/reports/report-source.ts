/** What a report is about; each type is built by one `ReportSource`. */
export const REPORT_TYPES = ['compliance', 'overdue', 'certificates', 'requirement_gaps'] as const;
export type ReportType = (typeof REPORT_TYPES)[number];

export const REPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The filters a report was requested with; every id was checked to be of the report's organization. */
export interface ReportFilters {
  siteId?: string;
  departmentId?: string;
  cohortId?: string;
  courseId?: string;
}

/** Whose rows and as of when, fixed for one run of a report. */
export interface ReportScope {
  organizationId: string;
  /** The manager whose reporting chain (direct and indirect reports) bounds the rows; null: the organization. */
  chainOf: string | null;
  /** The clock's now when the run started: overdue and days overdue are judged against it. */
  now: Date;
  /** The base of links in the rows (certificate verification). */
  publicUrl: string;
}

export interface ReportColumn {
  /** The key of the value in each row the query answers. */
  key: string;
  /** The column's heading in the file. */
  header: string;
}

/** A value of a row: text (dates as ISO `YYYY-MM-DD` in the organization's time zone), a number, or empty. */
export type ReportValue = string | number | null;
/** A row as the cursor reads it: its values in the order of the report's columns. */
export type ReportRow = readonly ReportValue[];

/**
 * One report type: its columns and the SELECT that yields its rows, in the order they are written. The SELECT's
 * output columns are named by the column keys, in the columns' order (checked when the rows are read). The
 * statement runs in the report's organization (row-level security applies) through a cursor, so it must never need
 * all its rows in memory on our side; `scope.chainOf` must bound it to that reporting chain.
 */
export interface ReportSource {
  type: ReportType;
  columns: ReportColumn[];
  query(filters: ReportFilters, scope: ReportScope): { sql: string; params: unknown[] };
}
