import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { ExecutionContext, TenantTransaction } from '@beacon/core/database';
import { DomainEvents } from '@beacon/core/events';
import { Clock } from '@beacon/core/time';
import { ReportExportProcess } from '../export/report-export.process';
import { ReportFiles } from '../files/report-files';
import { failureReason, ReportFailure } from '../report-failure';
import type { ReportFinishedEvent } from '../report-finished.event';
import type { BuildReportPayload } from '../report-queue';
import type { ReportSource } from '../report-source';
import { ReportSources } from '../report-sources';
import { ReportRecord, ReportRepository } from '../report.repository';

/** Rows fetched from the cursor at a time: few round trips, little memory. */
const BATCH_SIZE = 2_000;
/** `row_count` moves (in a transaction of its own) at least every this many rows. */
const PROGRESS_EVERY = 10_000;
const DAY_MS = 86_400_000;

export type BuildOutcome = 'ready' | 'failed' | 'skipped';

/**
 * Builds one report file: claims the report (a new run, from scratch), has an export process of its own stream
 * its rows from a database cursor through a writer into a part file in STORAGE_DIR (see ReportExportProcess),
 * renames it into place and marks the report ready. A run that fails (the export process too: killed, out of
 * memory) deletes its part file; the job's last attempt (or a failure retrying cannot mend) records the reason on
 * the report. A worker that dies mid-run leaves the report running: the stalled job (or the report sweep) runs it
 * again from scratch under a new run id, so it ends with one file, never two.
 */
@Injectable()
export class BuildReportJob {
  private readonly logger = new Logger(BuildReportJob.name);

  constructor(
    private readonly tx: TenantTransaction,
    private readonly reports: ReportRepository,
    private readonly exports: ReportExportProcess,
    private readonly sources: ReportSources,
    private readonly files: ReportFiles,
    private readonly clock: Clock,
    private readonly events: DomainEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `lastAttempt`: no retry follows a failure of this run, so the failure is recorded. */
  async run({ organizationId, reportId }: BuildReportPayload, lastAttempt: boolean): Promise<BuildOutcome> {
    const runId = randomUUID();
    const started = this.clock.now();
    const report = await this.tx.withOrganization(organizationId, () =>
      this.reports.claim(reportId, runId, started),
    );
    // Finished already (a job asked for twice, a stale sweep), or unknown.
    if (!report) return 'skipped';
    const fileName = this.files.nameFor(organizationId, reportId, report.format);
    let partPath: string | null = null;
    try {
      const source = this.sources.get(report.type);
      if (!source) throw new ReportFailure('This type of report is not available.');
      partPath = await this.files.startRun(fileName, runId);
      const rowCount = await this.write(report, runId, source, partPath, started);
      const fileSize = await this.files.commit(partPath, fileName);
      const finishedAt = this.clock.now();
      const marked = await this.tx.withOrganization(organizationId, async () =>
        this.finished(
          organizationId,
          reportId,
          await this.reports.markReady(reportId, runId, {
            rowCount,
            fileName,
            fileSize,
            finishedAt,
            expiresAt: new Date(finishedAt.getTime() + this.config.reportRetentionDays * DAY_MS),
          }),
        ),
      );
      // Lost to a newer run of the same report, which writes the same file name: its file stands.
      if (!marked) return 'skipped';
      this.logger.log(
        {
          organizationId,
          reportId,
          type: report.type,
          format: report.format,
          rows: rowCount,
          bytes: fileSize,
          ms: finishedAt.getTime() - started.getTime(),
        },
        'report ready',
      );
      return 'ready';
    } catch (error) {
      if (partPath) await this.files.removePart(partPath);
      const permanent = error instanceof ReportFailure;
      if (!permanent && !lastAttempt) throw error;
      await this.tx.withOrganization(organizationId, async () =>
        this.finished(
          organizationId,
          reportId,
          await this.reports.markFailed(reportId, runId, failureReason(error), this.clock.now()),
        ),
      );
      this.logger.warn({ err: error, organizationId, reportId }, 'report failed');
      return 'failed';
    }
  }

  /** Tells subscribers (a schedule's mail) in the marking transaction, when this run did mark the report. */
  private async finished(organizationId: string, reportId: string, marked: boolean): Promise<boolean> {
    const event: ReportFinishedEvent = { type: 'report.finished', organizationId, reportId };
    if (marked) await this.events.publish(event);
    return marked;
  }

  /**
   * Has the export process stream the rows into the part file, inside one transaction of the report's organization
   * (its row-level security and the manager's chain bound the rows); progress goes out from here, in short
   * transactions of its own.
   */
  private write(
    report: ReportRecord,
    runId: string,
    source: ReportSource,
    partPath: string,
    now: Date,
  ): Promise<number> {
    const statement = source.query(report.filters, {
      organizationId: report.organization_id,
      chainOf: report.chain_of,
      now,
      publicUrl: this.config.publicUrl,
    });
    return this.exports.run(
      {
        organizationId: report.organization_id,
        statement,
        format: report.format,
        columns: source.columns,
        partPath,
        batchSize: BATCH_SIZE,
        progressEvery: PROGRESS_EVERY,
      },
      (rowCount) => this.progress(report, runId, rowCount),
    );
  }

  /**
   * In a fresh async context (so it joins no transaction of the job's) and committed at once, so the progress is
   * visible while the rows are still being read.
   */
  private async progress(report: ReportRecord, runId: string, rowCount: number): Promise<void> {
    await ExecutionContext.run(null, () =>
      this.tx.writeAlone(
        report.organization_id,
        this.reports.progressStatement(report.id, runId, rowCount, this.clock.now()),
      ),
    );
  }
}
