import { Injectable } from '@nestjs/common';
import { chainReader, ExecutionContext, TenantTransaction } from '@beacon/core/database';
import { decodeCursor, DEFAULT_PAGE_SIZE, PageQuery, Page, Problems, toPage } from '@beacon/core/http';
import { Clock } from '@beacon/core/time';
import type { CreateReportDto, ReportView } from '../dto/report.dto';
import { OpenReportFile, ReportFiles } from './files/report-files';
import { ReportQueue } from './report-queue';
import type { ReportFormat } from './report-source';
import { ReportRequestCheck } from './report-request-check';
import { ReportRecord, ReportRepository } from './report.repository';

const MEDIA_TYPES: Record<ReportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface ReportDownload {
  file: OpenReportFile;
  mediaType: string;
  fileName: string;
}

/**
 * Report requests, their state and their files. Who sees a report: org_admins and educators every report of the
 * organization (they may read all its members' training anyway); a manager only the reports they requested, which
 * hold their reporting chain alone. Any other report is a 404, as an unknown id is.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly reports: ReportRepository,
    private readonly check: ReportRequestCheck,
    private readonly queue: ReportQueue,
    private readonly files: ReportFiles,
    private readonly clock: Clock,
  ) {}

  create(dto: CreateReportDto): Promise<ReportView> {
    return this.tx.run(async () => {
      const filters = await this.check.check(dto.type, dto.filters);
      const actor = ExecutionContext.actor();
      const id = await this.reports.insert({
        requestedBy: requesterOf(),
        chainOf: chainReader(actor),
        type: dto.type,
        format: dto.format,
        filters,
        createdAt: this.clock.now(),
      });
      const organizationId = ExecutionContext.organizationId();
      this.tx.onCommit(() => this.queue.enqueue({ organizationId, reportId: id }));
      return toView(await this.require(id));
    });
  }

  list(query: PageQuery): Promise<Page<ReportView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor);
    return this.tx.run(async () =>
      toPage(
        await this.reports.list(ownOnly(), after, limit),
        limit,
        (row) => ({ at: row.cursor_at, id: row.id }),
        toView,
      ),
    );
  }

  get(id: string): Promise<ReportView> {
    return this.tx.run(async () => toView(await this.require(id)));
  }

  /**
   * The file of a ready report, opened. 409 before it is ready (or when it failed), 410 once its retention ran
   * out (whether or not the sweep has deleted it yet).
   */
  async download(id: string): Promise<ReportDownload> {
    const report = await this.tx.run(() => this.require(id));
    if (report.status === 'queued' || report.status === 'running')
      throw Problems.conflict(`The report is not ready yet (${report.status}).`);
    if (report.status === 'failed') throw Problems.conflict('The report failed; it has no file.');
    const expired = (report.expires_at?.getTime() ?? 0) <= this.clock.now().getTime();
    if (report.status === 'expired' || expired || report.file_name === null)
      throw Problems.gone('The report has expired and its file was deleted; request it again.');
    const file = await this.files.open(report.file_name);
    if (!file) throw Problems.gone('The report has expired and its file was deleted; request it again.');
    return {
      file,
      mediaType: MEDIA_TYPES[report.format],
      fileName: `${report.type}-report-${report.created_at.toISOString().slice(0, 10)}-${report.id.slice(0, 8)}.${report.format}`,
    };
  }

  private async require(id: string): Promise<ReportRecord> {
    const report = await this.reports.find(id, ownOnly());
    if (!report) throw Problems.notFound('report');
    return report;
  }
}

/** The acting member: org roles come from a membership, so an organization actor always has one. */
function requesterOf(): string {
  const membershipId = ExecutionContext.actor().membershipId;
  if (!membershipId) throw Problems.forbidden('Reports are requested by members of the organization.');
  return membershipId;
}

/** A manager (without a broader reading role) sees only their own reports; null: every report. */
function ownOnly(): string | null {
  const actor = ExecutionContext.actor();
  return chainReader(actor) === null ? null : requesterOf();
}

function toView(row: ReportRecord): ReportView {
  return {
    id: row.id,
    type: row.type,
    format: row.format,
    status: row.status,
    filters: row.filters,
    scope: row.chain_of === null ? 'organization' : 'reporting_chain',
    requestedBy: { id: row.requested_by, name: row.requested_by_name },
    rowCount: row.status === 'queued' ? null : row.row_count,
    fileSize: row.file_size === null ? null : Number(row.file_size),
    error: row.error,
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
    expiresAt: row.expires_at?.toISOString() ?? null,
  };
}
