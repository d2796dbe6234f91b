import { Injectable } from '@nestjs/common';
import { BROAD_READERS, ExecutionContext, memberNameSql, one, rows } from '@beacon/core/database';
import { afterCursor, CursorPosition, newestFirst } from '@beacon/core/http';
import type { ScheduleFrequency } from '../dto/report-schedule.dto';
import type { ReportFilters, ReportFormat, ReportType } from '../reports/report-source';

export interface ReportScheduleRecord {
  id: string;
  created_by: string;
  created_by_name: string;
  /** Whether the creator's only reading role is manager now: their schedule's reports hold their chain. */
  creator_chain_only: boolean;
  type: ReportType;
  format: ReportFormat;
  filters: ReportFilters;
  frequency: ScheduleFrequency;
  recipient_ids: string[];
  /** The recipients' emails, in the order of `recipient_ids`. */
  recipients: string[];
  active: boolean;
  /** 06:00 of `next_period_start` in the organization's zone; null while paused. */
  next_run_at: Date | null;
  last_run_at: Date | null;
  last_report_id: string | null;
  created_at: Date;
  updated_at: Date;
  cursor_at: string;
}

/** A member who may receive a schedule's mail. */
export interface EligibleRecipient {
  member_id: string;
  email: string;
  name: string;
  roles: string[];
}

export interface NewReportSchedule {
  createdBy: string;
  type: ReportType;
  format: ReportFormat;
  filters: ReportFilters;
  frequency: ScheduleFrequency;
  recipientIds: string[];
  now: Date;
}

export interface ReportScheduleChange {
  format?: ReportFormat;
  filters?: ReportFilters;
  frequency?: ScheduleFrequency;
  recipientIds?: string[];
  active?: boolean;
}

/** Reading roles that see the whole organization (see `chainReader`), as a SQL array. */
const BROAD = `ARRAY[${BROAD_READERS.map((role) => `'${role}'`).join(', ')}]::text[]`;

const COLUMNS = `s.id, s.created_by, ${memberNameSql('cm', 'cu')} AS created_by_name,
  NOT (cm.roles && ${BROAD}) AS creator_chain_only, s.type, s.format, s.filters, s.frequency, s.recipient_ids,
  ARRAY(SELECT ru.email FROM unnest(s.recipient_ids) WITH ORDINALITY AS r(id, n)
          JOIN memberships rm ON rm.organization_id = s.organization_id AND rm.id = r.id
          JOIN users ru ON ru.id = rm.user_id
         ORDER BY r.n) AS recipients,
  s.active,
  CASE WHEN s.active THEN (s.next_period_start + time '06:00') AT TIME ZONE o.timezone END AS next_run_at,
  s.last_run_at,
  (SELECT run.report_id FROM report_schedule_runs run
    WHERE run.organization_id = s.organization_id AND run.schedule_id = s.id
    ORDER BY run.period_start DESC LIMIT 1) AS last_report_id,
  s.created_at, s.updated_at, s.created_at::text AS cursor_at`;
const FROM = `report_schedules s
  JOIN organizations o ON o.id = s.organization_id
  JOIN memberships cm ON cm.organization_id = s.organization_id AND cm.id = s.created_by
  JOIN users cu ON cu.id = cm.user_id`;

/** The first period to run after `$now` (as a parameter reference), in the organization's zone. */
const nextPeriodAfter = (frequency: string, now: string) =>
  `report_schedule_next(${frequency}, report_schedule_period(${frequency},
     (SELECT timezone FROM organizations WHERE id = NULLIF(current_setting('app.organization_id', true), '')::uuid),
     ${now}))`;

/** `report_schedules`: reports built weekly or monthly, in the current organization. */
@Injectable()
export class ReportScheduleRepository {
  async insert(schedule: NewReportSchedule): Promise<string> {
    const [inserted] = await rows<{ id: string }>(
      `INSERT INTO report_schedules (organization_id, created_by, type, format, filters, frequency, recipient_ids,
                                     next_period_start, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6::text, $7, ${nextPeriodAfter('$6::text', '$8::timestamptz')}, $8, $8)
       RETURNING id`,
      [
        ExecutionContext.organizationId(),
        schedule.createdBy,
        schedule.type,
        schedule.format,
        JSON.stringify(schedule.filters),
        schedule.frequency,
        schedule.recipientIds,
        schedule.now,
      ],
    );
    return inserted.id;
  }

  /** A schedule, if `createdBy` (when given) created it. */
  find(id: string, createdBy: string | null): Promise<ReportScheduleRecord | null> {
    return one<ReportScheduleRecord>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE s.id = $1 AND ($2::uuid IS NULL OR s.created_by = $2)`,
      [id, createdBy],
    );
  }

  /** The schedule's row locked for a change, if `createdBy` (when given) created it. */
  async lock(id: string, createdBy: string | null): Promise<{ type: ReportType; created_by: string } | null> {
    return one<{ type: ReportType; created_by: string }>(
      `SELECT type, created_by FROM report_schedules WHERE id = $1 AND ($2::uuid IS NULL OR created_by = $2) FOR UPDATE`,
      [id, createdBy],
    );
  }

  /** Newest first; `createdBy` (when given) limits the list to that member's schedules. */
  list(
    createdBy: string | null,
    after: CursorPosition | null,
    limit: number,
  ): Promise<ReportScheduleRecord[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (createdBy !== null) where.push(`s.created_by = $${params.push(createdBy)}`);
    if (after) where.push(afterCursor(after, params, 's.created_at', 's.id'));
    return rows<ReportScheduleRecord>(
      `SELECT ${COLUMNS} FROM ${FROM} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ${newestFirst(limit, params, 's.created_at', 's.id')}`,
      params,
    );
  }

  /**
   * Applies the fields given. A new frequency, or resuming, starts again from the first period after `now`: a
   * paused schedule catches up nothing.
   */
  async update(id: string, change: ReportScheduleChange, now: Date): Promise<void> {
    const params: unknown[] = [id, now];
    const sets = ['updated_at = $2'];
    if (change.format !== undefined) sets.push(`format = $${params.push(change.format)}`);
    if (change.filters !== undefined) sets.push(`filters = $${params.push(JSON.stringify(change.filters))}`);
    if (change.recipientIds !== undefined) sets.push(`recipient_ids = $${params.push(change.recipientIds)}`);
    if (change.active !== undefined) sets.push(`active = $${params.push(change.active)}`);
    let frequency = 'frequency';
    if (change.frequency !== undefined) {
      frequency = `$${params.push(change.frequency)}::text`;
      sets.push(`frequency = ${frequency}`);
    }
    // SET reads the row as it was: `active` is whether it was running before this change.
    const restartWhen =
      change.frequency !== undefined ? 'true' : change.active === true ? 'NOT active' : null;
    if (restartWhen)
      sets.push(
        `next_period_start = CASE WHEN ${restartWhen} THEN ${nextPeriodAfter(frequency, '$2::timestamptz')}
                                  ELSE next_period_start END`,
      );
    await rows(`UPDATE report_schedules SET ${sets.join(', ')} WHERE id = $1`, params);
  }

  /** Deletes a schedule and its runs (their reports stay, as any report does). */
  async delete(id: string): Promise<void> {
    await rows('DELETE FROM report_schedules WHERE id = $1', [id]);
  }

  /**
   * Active members who may receive a schedule's mail: the organization's org_admins and educators, and the
   * schedule's creator. Only among `emails` when given. The organization is named as well as enforced by row-level
   * security: a person's own memberships elsewhere are visible to them too.
   */
  eligibleRecipients(creator: string, emails: string[] | null): Promise<EligibleRecipient[]> {
    return rows<EligibleRecipient>(
      `SELECT m.id AS member_id, u.email, ${memberNameSql('m', 'u')} AS name, m.roles
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.organization_id = $1 AND m.status = 'active' AND (m.roles && ${BROAD} OR m.id = $2)
          AND ($3::text[] IS NULL OR u.email = ANY ($3::text[]))
        ORDER BY name, u.email`,
      [ExecutionContext.organizationId(), creator, emails],
    );
  }
}
