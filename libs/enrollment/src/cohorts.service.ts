import { Injectable } from '@nestjs/common';
import { chainReader, ExecutionContext, TenantTransaction } from '@beacon/core/database';
import { DEFAULT_PAGE_SIZE, decodeCursor, FieldError, Page, Problems, toPage } from '@beacon/core/http';
import { Clock } from '@beacon/core/time';
import { AuditService, diff } from '@beacon/audit';
import { CatalogService, CourseForCohort } from '@beacon/catalog';
import { CohortFields, CohortRepository, CohortRow, CohortStats } from './cohort.repository';
import {
  CohortListQuery,
  CohortPreviewDto,
  CohortPreviewView,
  CohortTargetDto,
  CohortView,
  CreateCohortDto,
  UpdateCohortDto,
} from './dto/cohort.dto';
import { EnrollmentRepository } from './enrollment.repository';
import { EnrollmentSync } from './enrollment-sync.service';
import { TargetLookupRepository } from './target-lookup.repository';
import { TargetFilter, TargetPreviewRepository } from './target-preview.repository';

const PREVIEW_SAMPLE_SIZE = 5;
const DEFAULT_REMINDERS = { beforeDueDays: [7, 1], overdueEveryDays: 7, escalateAfterDays: 14 };

function fieldsOf(row: CohortRow): CohortFields {
  return {
    name: row.name,
    courseId: row.course_id,
    targetSiteIds: row.target_site_ids,
    targetDepartmentIds: row.target_department_ids,
    targetJobTitles: row.target_job_titles,
    targetRoles: row.target_roles,
    dueDate: row.due_date,
    dueInDays: row.due_in_days,
    intervalMonths: row.interval_months,
    reminderBeforeDueDays: row.reminder_before_due_days,
    reminderOverdueEveryDays: row.reminder_overdue_every_days,
    reminderEscalateAfterDays: row.reminder_escalate_after_days,
  };
}

/** A target as stored and matched: absent lists are empty, job titles compare lower-cased. */
function targetFilter(target: CohortTargetDto): TargetFilter {
  return {
    siteIds: target.siteIds ?? [],
    departmentIds: target.departmentIds ?? [],
    jobTitles: (target.jobTitles ?? []).map((title) => title.trim().toLowerCase()),
    roles: target.roles ?? [],
  };
}

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** A new cohort takes only the current version of a course, before it expires: else a 409 naming the way out. */
function refuseUnavailable(course: CourseForCohort): void {
  if (course.state === 'superseded') {
    const { code, version } = course.course;
    throw Problems.conflict(
      course.current
        ? `${code} version ${version} was superseded: a newer version exists (version ${course.current.version}, ` +
            `courseId ${course.current.id}). Assign that one.`
        : `${code} version ${version} is retired and takes no new cohorts.`,
    );
  }
  if (course.state === 'expired') {
    const { code, version, expires_on: expiresOn } = course.course;
    throw Problems.conflict(`${code} version ${version} expired on ${expiresOn} and takes no new cohorts.`);
  }
}

@Injectable()
export class CohortsService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly cohorts: CohortRepository,
    private readonly enrollments: EnrollmentRepository,
    private readonly sync: EnrollmentSync,
    private readonly targets: TargetLookupRepository,
    private readonly targetPreview: TargetPreviewRepository,
    private readonly catalog: CatalogService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  create(dto: CreateCohortDto): Promise<CohortView> {
    return this.tx.run(async () => {
      const errors: FieldError[] = [];
      if (dto.dueDate !== undefined && dto.dueInDays !== undefined) {
        errors.push({ field: 'dueInDays', message: 'give dueDate or dueInDays, not both' });
      }
      if (dto.dueDate !== undefined && !isRealDate(dto.dueDate))
        errors.push({ field: 'dueDate', message: 'dueDate is not a real date' });
      const course = await this.catalog.forNewCohort(dto.courseId);
      if (course.state === 'unknown') {
        errors.push({ field: 'courseId', message: 'courseId does not name a published course' });
      }
      errors.push(...(await this.checkTarget(dto.target.siteIds ?? [], dto.target.departmentIds ?? [])));
      if (errors.length > 0) throw Problems.invalid(errors);
      refuseUnavailable(course);
      const reminders = dto.reminders ?? DEFAULT_REMINDERS;
      const target = targetFilter(dto.target);
      const fields: CohortFields = {
        name: dto.name,
        courseId: dto.courseId,
        targetSiteIds: target.siteIds,
        targetDepartmentIds: target.departmentIds,
        targetJobTitles: target.jobTitles,
        targetRoles: target.roles,
        dueDate: dto.dueDate ?? null,
        dueInDays: dto.dueInDays ?? null,
        intervalMonths: dto.recurrence?.intervalMonths ?? null,
        reminderBeforeDueDays: [...reminders.beforeDueDays].sort((a, b) => b - a),
        reminderOverdueEveryDays: reminders.overdueEveryDays,
        reminderEscalateAfterDays: reminders.escalateAfterDays,
      };
      const row = await this.cohorts.insert(fields);
      const enrolled = await this.sync.reconcile({ cohortIds: [row.id], memberIds: null });
      await this.audit.record({
        action: 'cohort.created',
        entityType: 'cohort',
        entityId: row.id,
        changes: { ...diff(null, { ...fields }), enrolled: { from: 0, to: enrolled } },
      });
      return this.view(row);
    });
  }

  /** Who a cohort with this target would enroll now (the same predicate as enrollment), checked like create. */
  preview(dto: CohortPreviewDto): Promise<CohortPreviewView> {
    return this.tx.run(async () => {
      const target = targetFilter(dto.target);
      const errors = await this.checkTarget(target.siteIds, target.departmentIds);
      if (errors.length > 0) throw Problems.invalid(errors);
      return this.targetPreview.preview(target, PREVIEW_SAMPLE_SIZE);
    });
  }

  list(query: CohortListQuery): Promise<Page<CohortView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor);
    return this.tx.run(async () => {
      const rows = await this.cohorts.list(query.includeArchived ?? false, after, limit);
      const stats = await this.cohorts.stats(
        rows.map((r) => r.id),
        this.clock.now(),
        chainReader(ExecutionContext.optionalActor()),
      );
      return toPage(
        rows,
        limit,
        (r) => ({ at: r.cursor_at, id: r.id }),
        (r) => this.toView(r, stats.get(r.id) as CohortStats),
      );
    });
  }

  get(id: string): Promise<CohortView> {
    return this.tx.run(async () => this.view(await this.require(id)));
  }

  update(id: string, dto: UpdateCohortDto): Promise<CohortView> {
    return this.tx.run(async () => {
      const current = await this.require(id, true);
      if (current.archived_at) throw Problems.conflict('An archived cohort cannot be changed.');
      const errors: FieldError[] = [];
      if (dto.dueDate != null && dto.dueInDays != null)
        errors.push({ field: 'dueInDays', message: 'give dueDate or dueInDays, not both' });
      if (dto.dueDate != null && !isRealDate(dto.dueDate))
        errors.push({ field: 'dueDate', message: 'dueDate is not a real date' });
      if (errors.length > 0) throw Problems.invalid(errors);
      const before = fieldsOf(current);
      const next: CohortFields = { ...before, name: dto.name ?? before.name };
      if (dto.dueDate !== undefined) {
        next.dueDate = dto.dueDate;
        if (dto.dueDate !== null) next.dueInDays = null;
      }
      if (dto.dueInDays !== undefined) {
        next.dueInDays = dto.dueInDays;
        if (dto.dueInDays !== null) next.dueDate = null;
      }
      if (dto.reminders) {
        next.reminderBeforeDueDays = [...dto.reminders.beforeDueDays].sort((a, b) => b - a);
        next.reminderOverdueEveryDays = dto.reminders.overdueEveryDays;
        next.reminderEscalateAfterDays = dto.reminders.escalateAfterDays;
      }
      const changes = diff({ ...before }, { ...next });
      if (Object.keys(changes).length === 0) return this.view(current);
      const row = await this.cohorts.update(id, next);
      if (changes.dueDate || changes.dueInDays) {
        const moved = await this.enrollments.refreshDueDates(id);
        changes.openEnrollmentsRescheduled = { from: null, to: moved };
      }
      await this.audit.record({ action: 'cohort.updated', entityType: 'cohort', entityId: id, changes });
      return this.view(row);
    });
  }

  archive(id: string): Promise<CohortView> {
    return this.tx.run(async () => {
      const current = await this.require(id, true);
      if (!current.archived_at) {
        await this.cohorts.archive(id, this.clock.now());
        await this.audit.record({
          action: 'cohort.archived',
          entityType: 'cohort',
          entityId: id,
          changes: { archived: { from: false, to: true } },
        });
      }
      return this.view((await this.cohorts.findById(id)) as CohortRow);
    });
  }

  /** For other services of this library: the cohort, or the 404 of an unknown id. */
  async require(id: string, forUpdate = false): Promise<CohortRow> {
    const row = await this.cohorts.findById(id, forUpdate);
    if (!row) throw Problems.notFound('cohort');
    return row;
  }

  private async checkTarget(siteIds: string[], departmentIds: string[]): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    const sites = await this.targets.liveSiteIds(siteIds);
    if (siteIds.some((id) => !sites.has(id))) {
      errors.push({
        field: 'target.siteIds',
        message: 'target.siteIds names a site that is not in this organization',
      });
    }
    const departments = await this.targets.liveDepartmentIds(departmentIds);
    if (departmentIds.some((id) => !departments.has(id))) {
      errors.push({
        field: 'target.departmentIds',
        message: 'target.departmentIds names a department that is not in this organization',
      });
    }
    return errors;
  }

  private async view(row: CohortRow): Promise<CohortView> {
    // A manager's counts cover their reporting chain, like the enrollments they may list.
    const stats = await this.cohorts.stats(
      [row.id],
      this.clock.now(),
      chainReader(ExecutionContext.optionalActor()),
    );
    return this.toView(row, stats.get(row.id) as CohortStats);
  }

  private toView(row: CohortRow, stats: CohortStats): CohortView {
    return {
      id: row.id,
      name: row.name,
      courseId: row.course_id,
      target: {
        siteIds: row.target_site_ids,
        departmentIds: row.target_department_ids,
        jobTitles: row.target_job_titles,
        roles: row.target_roles,
      },
      dueDate: row.due_date,
      dueInDays: row.due_in_days,
      recurrence: row.interval_months ? { intervalMonths: row.interval_months } : null,
      reminders: {
        beforeDueDays: row.reminder_before_due_days,
        overdueEveryDays: row.reminder_overdue_every_days,
        escalateAfterDays: row.reminder_escalate_after_days,
      },
      archived: row.archived_at !== null,
      enrolledCount: stats.enrolled,
      stats,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  }
}
