import { Injectable } from '@nestjs/common';
import { ExecutionContext, memberNameSql, one, type OrganizationRole, rows } from '@beacon/core/database';
import type { ScheduleFrequency } from '../dto/report-schedule.dto';
import type { ReportStatus } from '../reports/report.repository';
import type { ReportFilters, ReportFormat, ReportType } from '../reports/report-source';

/** A schedule whose period has come, locked by the sweep's transaction. */
export interface DueSchedule {
  id: string;
  created_by: string;
  type: ReportType;
  format: ReportFormat;
  filters: ReportFilters;
  frequency: ScheduleFrequency;
  /** The period running now: the one the clock is in (missed periods before it are not caught up). */
  period_start: string;
  /** The creator's roles now, when they are an active member; null otherwise. */
  creator_roles: OrganizationRole[] | null;
}

/** A run whose report has finished, with what its mail says, locked until its mail is written. */
export interface FinishedRun {
  id: string;
  schedule_id: string;
  period_start: string;
  report_status: ReportStatus;
  type: ReportType;
  frequency: ScheduleFrequency;
  created_by: string;
  recipient_ids: string[];
  organization_name: string;
}

export interface RunRecipient {
  user_id: string;
  email: string;
  name: string;
  locale: string;
}

/** `report_schedule_runs`: one per schedule and period, and the sweep's view of the schedules. */
@Injectable()
export class ReportScheduleRunRepository {
  /**
   * Active schedules whose next period has begun by `now` in the organization's zone, locked (others' locks
   * skipped: a sweep running beside this one has them, and advances them).
   */
  due(now: Date, limit: number): Promise<DueSchedule[]> {
    return rows<DueSchedule>(
      `SELECT s.id, s.created_by, s.type, s.format, s.filters, s.frequency,
              report_schedule_period(s.frequency, o.timezone, $2)::text AS period_start,
              CASE WHEN cm.status = 'active' THEN cm.roles END AS creator_roles
         FROM report_schedules s
         JOIN organizations o ON o.id = s.organization_id
         JOIN memberships cm ON cm.organization_id = s.organization_id AND cm.id = s.created_by
        WHERE s.organization_id = $1 AND s.active
          AND s.next_period_start <= report_schedule_period(s.frequency, o.timezone, $2)
        ORDER BY s.next_period_start, s.id
        LIMIT $3
        FOR UPDATE OF s SKIP LOCKED`,
      [ExecutionContext.organizationId(), now, limit],
    );
  }

  /**
   * The run of the period and its report, in one statement: the report is written only when the run is new (the
   * run's foreign key to it is checked at the statement's end). Answers the report's id, or null when the period
   * had run already.
   */
  async start(schedule: DueSchedule, chainOf: string | null, now: Date): Promise<string | null> {
    const started = await one<{ id: string }>(
      `WITH run AS (
         INSERT INTO report_schedule_runs (organization_id, schedule_id, period_start, report_id, created_at)
         VALUES ($1, $2, $3::date, gen_random_uuid(), $4)
         ON CONFLICT (organization_id, schedule_id, period_start) DO NOTHING
         RETURNING report_id)
       INSERT INTO reports (id, organization_id, requested_by, chain_of, type, format, filters, created_at)
       SELECT report_id, $1, $5, $6, $7, $8, $9, $4 FROM run
       RETURNING id`,
      [
        ExecutionContext.organizationId(),
        schedule.id,
        schedule.period_start,
        now,
        schedule.created_by,
        chainOf,
        schedule.type,
        schedule.format,
        JSON.stringify(schedule.filters),
      ],
    );
    return started?.id ?? null;
  }

  /** The schedule's next period is the one after `period`. */
  async advance(scheduleId: string, period: string, now: Date): Promise<void> {
    await rows(
      `UPDATE report_schedules SET next_period_start = report_schedule_next(frequency, $2::date), last_run_at = $3
        WHERE id = $1`,
      [scheduleId, period, now],
    );
  }

  /** Pauses a schedule whose creator may no longer request reports. */
  async pause(scheduleId: string, now: Date): Promise<void> {
    await rows('UPDATE report_schedules SET active = false, updated_at = $2 WHERE id = $1', [
      scheduleId,
      now,
    ]);
  }

  /** Reports of runs not mailed yet that have finished (ready, failed, or already expired), oldest first. */
  async unmailed(limit: number): Promise<string[]> {
    const found = await rows<{ report_id: string }>(
      `SELECT run.report_id FROM report_schedule_runs run
         JOIN reports r ON r.organization_id = run.organization_id AND r.id = run.report_id
        WHERE run.organization_id = $1 AND run.mailed_at IS NULL AND r.status IN ('ready', 'failed', 'expired')
        ORDER BY run.created_at LIMIT $2`,
      [ExecutionContext.organizationId(), limit],
    );
    return found.map((row) => row.report_id);
  }

  /** The run of a finished report, locked, unless it is not a scheduled one or its mail is written already. */
  finished(reportId: string): Promise<FinishedRun | null> {
    return one<FinishedRun>(
      `SELECT run.id, run.schedule_id, run.period_start::text, r.status AS report_status, s.type, s.frequency,
              s.created_by, s.recipient_ids, o.name AS organization_name
         FROM report_schedule_runs run
         JOIN reports r ON r.organization_id = run.organization_id AND r.id = run.report_id
         JOIN report_schedules s ON s.organization_id = run.organization_id AND s.id = run.schedule_id
         JOIN organizations o ON o.id = run.organization_id
        WHERE run.organization_id = $1 AND run.report_id = $2 AND run.mailed_at IS NULL
          AND r.status IN ('ready', 'failed', 'expired')
        FOR UPDATE OF run`,
      [ExecutionContext.organizationId(), reportId],
    );
  }

  /**
   * The run's recipients who may still receive it: active, and an org_admin or educator, or the creator. Someone
   * demoted or gone since the schedule was written gets nothing.
   */
  recipients(run: FinishedRun): Promise<RunRecipient[]> {
    return rows<RunRecipient>(
      `SELECT u.id AS user_id, u.email, ${memberNameSql('m', 'u')} AS name, coalesce(u.locale, m.locale, 'en') AS locale
         FROM unnest($2::uuid[]) AS r(id)
         JOIN memberships m ON m.organization_id = $1 AND m.id = r.id
         JOIN users u ON u.id = m.user_id
        WHERE m.status = 'active' AND (m.roles && ARRAY['org_admin', 'educator']::text[] OR m.id = $3)`,
      [ExecutionContext.organizationId(), run.recipient_ids, run.created_by],
    );
  }

  async markMailed(runId: string, now: Date): Promise<void> {
    await rows('UPDATE report_schedule_runs SET mailed_at = $2 WHERE id = $1', [runId, now]);
  }
}
