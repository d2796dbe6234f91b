import { Injectable } from '@nestjs/common';
import {
  affected,
  ExecutionContext,
  memberNameSql,
  one,
  OpeningStatement,
  rows,
} from '@beacon/core/database';
import { afterCursor, CursorPosition, newestFirst } from '@beacon/core/http';
import type { ReportFilters, ReportFormat, ReportType } from './report-source';

export type ReportStatus = 'queued' | 'running' | 'ready' | 'failed' | 'expired';

export interface ReportRecord {
  id: string;
  organization_id: string;
  requested_by: string;
  requested_by_name: string;
  chain_of: string | null;
  type: ReportType;
  format: ReportFormat;
  filters: ReportFilters;
  status: ReportStatus;
  run_id: string | null;
  row_count: number | null;
  error: string | null;
  file_name: string | null;
  /** bigint comes back as text from the driver. */
  file_size: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  expires_at: Date | null;
  /** created_at as PostgreSQL writes it (to the microsecond), for the list's cursor. */
  cursor_at: string;
}

const COLUMNS = `r.id, r.organization_id, r.requested_by, ${memberNameSql('rm', 'ru')} AS requested_by_name,
  r.chain_of, r.type, r.format, r.filters, r.status, r.run_id, r.row_count, r.error, r.file_name, r.file_size,
  r.created_at, r.started_at, r.finished_at, r.expires_at, r.created_at::text AS cursor_at`;
const FROM = `reports r JOIN memberships rm ON rm.id = r.requested_by JOIN users ru ON ru.id = rm.user_id`;

export interface NewReport {
  requestedBy: string;
  chainOf: string | null;
  type: ReportType;
  format: ReportFormat;
  filters: ReportFilters;
  createdAt: Date;
}

/** `reports`: one row per requested export, in the current organization. */
@Injectable()
export class ReportRepository {
  async insert(report: NewReport): Promise<string> {
    const [inserted] = await rows<{ id: string }>(
      `INSERT INTO reports (organization_id, requested_by, chain_of, type, format, filters, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        ExecutionContext.organizationId(),
        report.requestedBy,
        report.chainOf,
        report.type,
        report.format,
        JSON.stringify(report.filters),
        report.createdAt,
      ],
    );
    return inserted.id;
  }

  /** A report, if `requestedBy` (when given) requested it. */
  find(id: string, requestedBy: string | null): Promise<ReportRecord | null> {
    return one<ReportRecord>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE r.id = $1 AND ($2::uuid IS NULL OR r.requested_by = $2)`,
      [id, requestedBy],
    );
  }

  /** Newest first; `requestedBy` (when given) limits the list to that requester's reports. */
  list(requestedBy: string | null, after: CursorPosition | null, limit: number): Promise<ReportRecord[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (requestedBy !== null) where.push(`r.requested_by = $${params.push(requestedBy)}`);
    if (after) where.push(afterCursor(after, params, 'r.created_at', 'r.id'));
    return rows<ReportRecord>(
      `SELECT ${COLUMNS} FROM ${FROM} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ${newestFirst(limit, params, 'r.created_at', 'r.id')}`,
      params,
    );
  }

  /**
   * Takes the report for a new run (from scratch: progress back to 0), unless it is finished (ready, failed,
   * expired) or unknown: then null. A run that is still going loses it, and can no longer mark it.
   */
  async claim(id: string, runId: string, now: Date): Promise<ReportRecord | null> {
    const claimed = await rows<{ id: string }>(
      `UPDATE reports SET status = 'running', run_id = $2, row_count = 0, error = NULL, started_at = $3,
              heartbeat_at = $3
        WHERE id = $1 AND status IN ('queued', 'running') RETURNING id`,
      [id, runId, now],
    );
    return claimed.length > 0 ? this.find(id, null) : null;
  }

  /** The progress of a run, as a statement of its own transaction (see TenantTransaction.writeAlone). */
  progressStatement(id: string, runId: string, rowCount: number, now: Date): OpeningStatement {
    return {
      sql: `UPDATE reports SET row_count = $3, heartbeat_at = $4::timestamptz
             WHERE id = $1 AND run_id = $2 AND status = 'running'`,
      params: [id, runId, rowCount, now.toISOString()],
    };
  }

  /** Whether the run still held the report and marked it ready. */
  async markReady(
    id: string,
    runId: string,
    result: { rowCount: number; fileName: string; fileSize: number; finishedAt: Date; expiresAt: Date },
  ): Promise<boolean> {
    const marked = await rows<{ id: string }>(
      `UPDATE reports SET status = 'ready', row_count = $3, file_name = $4, file_size = $5, finished_at = $6,
              expires_at = $7, heartbeat_at = $6
        WHERE id = $1 AND run_id = $2 AND status = 'running' RETURNING id`,
      [id, runId, result.rowCount, result.fileName, result.fileSize, result.finishedAt, result.expiresAt],
    );
    return marked.length > 0;
  }

  /** Whether the run still held the report and marked it failed with the reason. */
  async markFailed(id: string, runId: string, reason: string, finishedAt: Date): Promise<boolean> {
    const marked = await rows<{ id: string }>(
      `UPDATE reports SET status = 'failed', error = $3, finished_at = $4, heartbeat_at = $4
        WHERE id = $1 AND run_id = $2 AND status = 'running' RETURNING id`,
      [id, runId, reason, finishedAt],
    );
    return marked.length > 0;
  }

  /** Ready reports whose retention ran out by `now`, with their files, oldest first. */
  expired(now: Date, limit: number): Promise<Array<{ id: string; file_name: string }>> {
    return rows<{ id: string; file_name: string }>(
      `SELECT id, file_name FROM reports WHERE status = 'ready' AND expires_at <= $1
        ORDER BY expires_at LIMIT $2`,
      [now, limit],
    );
  }

  /** Marks reports expired once their files are deleted. */
  async markExpired(ids: string[]): Promise<void> {
    await affected(
      `UPDATE reports SET status = 'expired', file_name = NULL WHERE id = ANY ($1::uuid[]) AND status = 'ready'`,
      [ids],
    );
  }

  /** Queued or running reports nothing has moved for `idleSeconds`: their job may have been lost. */
  async idle(now: Date, idleSeconds: number): Promise<string[]> {
    const found = await rows<{ id: string }>(
      `SELECT id FROM reports
        WHERE status IN ('queued', 'running')
          AND coalesce(heartbeat_at, created_at) < $1::timestamptz - make_interval(secs => $2)`,
      [now, idleSeconds],
    );
    return found.map((row) => row.id);
  }
}
