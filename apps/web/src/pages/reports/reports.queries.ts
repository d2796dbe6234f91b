import { api } from '../../api/api-client';
import { unwrap } from '../../api/api-error';
import type { components } from '../../api/schema';

export type Report = components['schemas']['ReportView'];
export const REPORT_TYPES = ['compliance', 'overdue', 'certificates'] as const;
export type ReportType = (typeof REPORT_TYPES)[number];
export const REPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORTS_KEY = ['reports'] as const;
/** How many of the newest reports the page shows. */
export const REPORTS_SHOWN = 50;
/** While a report is queued or running, the list is read again this often. */
export const POLL_MS = 2_000;

export function fetchReports() {
  return unwrap(api.GET('/api/v1/reports', { params: { query: { limit: REPORTS_SHOWN } } }));
}

export function requestReport(type: ReportType, format: ReportFormat) {
  return unwrap(api.POST('/api/v1/reports', { body: { type, format } }));
}

export const isUnfinished = (report: Report): boolean =>
  report.status === 'queued' || report.status === 'running';
