import { Injectable } from '@nestjs/common';
import { chainReader, ExecutionContext, TenantTransaction } from '@beacon/core/database';
import { decodeCursor, DEFAULT_PAGE_SIZE, Page, PageQuery, Problems, toPage } from '@beacon/core/http';
import { Clock } from '@beacon/core/time';
import type {
  CreateReportScheduleDto,
  ReportScheduleView,
  ScheduleRecipientView,
  UpdateReportScheduleDto,
} from '../dto/report-schedule.dto';
import { ReportRequestCheck } from '../reports/report-request-check';
import { ReportScheduleRecord, ReportScheduleRepository } from './report-schedule.repository';

const DEFAULT_FORMAT = 'xlsx';

/**
 * Report schedules. Who sees one: org_admins and educators every schedule of the organization; a manager only the
 * ones they created (their reports hold their reporting chain). Any other is a 404, as an unknown id is. Type and
 * filters are checked as for an ad-hoc report; recipients must be the organization's active org_admins and
 * educators, or the schedule's creator, so that each of them may open the report the mail links to.
 */
@Injectable()
export class ReportSchedulesService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly schedules: ReportScheduleRepository,
    private readonly check: ReportRequestCheck,
    private readonly clock: Clock,
  ) {}

  create(dto: CreateReportScheduleDto): Promise<ReportScheduleView> {
    return this.tx.run(async () => {
      const filters = await this.check.check(dto.type, dto.filters);
      const creator = creatorOf();
      const id = await this.schedules.insert({
        createdBy: creator,
        type: dto.type,
        format: dto.format ?? DEFAULT_FORMAT,
        filters,
        frequency: dto.frequency,
        recipientIds: await this.recipientIds(creator, dto.recipients),
        now: this.clock.now(),
      });
      return toView(await this.require(id));
    });
  }

  list(query: PageQuery): Promise<Page<ReportScheduleView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor);
    return this.tx.run(async () =>
      toPage(
        await this.schedules.list(ownOnly(), after, limit),
        limit,
        (row) => ({ at: row.cursor_at, id: row.id }),
        toView,
      ),
    );
  }

  get(id: string): Promise<ReportScheduleView> {
    return this.tx.run(async () => toView(await this.require(id)));
  }

  update(id: string, dto: UpdateReportScheduleDto): Promise<ReportScheduleView> {
    return this.tx.run(async () => {
      const locked = await this.schedules.lock(id, ownOnly());
      if (!locked) throw Problems.notFound('report schedule');
      await this.schedules.update(
        id,
        {
          format: dto.format,
          frequency: dto.frequency,
          active: dto.active,
          filters: dto.filters === undefined ? undefined : await this.check.check(locked.type, dto.filters),
          recipientIds:
            dto.recipients === undefined
              ? undefined
              : await this.recipientIds(locked.created_by, dto.recipients),
        },
        this.clock.now(),
      );
      return toView(await this.require(id));
    });
  }

  delete(id: string): Promise<void> {
    return this.tx.run(async () => {
      if (!(await this.schedules.lock(id, ownOnly()))) throw Problems.notFound('report schedule');
      await this.schedules.delete(id);
    });
  }

  /** Who the acting member may name as recipients of a schedule of their own. */
  recipients(): Promise<Page<ScheduleRecipientView>> {
    return this.tx.run(async () => ({
      items: (await this.schedules.eligibleRecipients(creatorOf(), null)).map((row) => ({
        memberId: row.member_id,
        email: row.email,
        name: row.name,
        roles: row.roles,
      })),
      nextCursor: null,
    }));
  }

  /** The members the emails name, in their order; 400 naming `recipients` and each address that may not receive. */
  private async recipientIds(creator: string, emails: string[]): Promise<string[]> {
    const found = new Map(
      (await this.schedules.eligibleRecipients(creator, emails)).map((row) => [row.email, row.member_id]),
    );
    const refused = emails.filter((email) => !found.has(email));
    if (refused.length > 0)
      throw Problems.invalid(
        refused.map((email) => ({
          field: 'recipients',
          message:
            `${email} may not receive this schedule: recipients are the organization's active org_admins and ` +
            "educators, and the schedule's creator",
        })),
      );
    return emails.map((email) => found.get(email) as string);
  }

  private async require(id: string): Promise<ReportScheduleRecord> {
    const schedule = await this.schedules.find(id, ownOnly());
    if (!schedule) throw Problems.notFound('report schedule');
    return schedule;
  }
}

/** The acting member: org roles come from a membership, so an organization actor always has one. */
function creatorOf(): string {
  const membershipId = ExecutionContext.actor().membershipId;
  if (!membershipId) throw Problems.forbidden('Report schedules belong to members of the organization.');
  return membershipId;
}

/** A manager (without a broader reading role) sees only their own schedules; null: every schedule. */
function ownOnly(): string | null {
  return chainReader(ExecutionContext.actor()) === null ? null : creatorOf();
}

function toView(row: ReportScheduleRecord): ReportScheduleView {
  return {
    id: row.id,
    type: row.type,
    format: row.format,
    filters: row.filters,
    frequency: row.frequency,
    recipients: row.recipients,
    active: row.active,
    scope: row.creator_chain_only ? 'reporting_chain' : 'organization',
    createdBy: { id: row.created_by, name: row.created_by_name },
    nextRunAt: row.next_run_at?.toISOString() ?? null,
    lastRunAt: row.last_run_at?.toISOString() ?? null,
    lastReportId: row.last_report_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
