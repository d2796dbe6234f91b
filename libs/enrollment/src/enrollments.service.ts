import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { chainReader, ExecutionContext, TenantTransaction } from '@beacon/core/database';
import {
  DEFAULT_PAGE_SIZE,
  decodeCursor,
  Page,
  PageQuery,
  ProblemException,
  Problems,
  toPage,
} from '@beacon/core/http';
import { Clock } from '@beacon/core/time';
import { AuditService } from '@beacon/audit';
import { CatalogService, ModuleRow } from '@beacon/catalog';
import { CohortsService } from './cohorts.service';
import {
  CohortEnrollmentView,
  GrantAttemptsView,
  ModuleOpeningView,
  MyEnrollmentDetailView,
  MyEnrollmentView,
} from './dto/enrollment.dto';
import { EnrollmentRepository, EnrollmentRow } from './enrollment.repository';

/**
 * A session bound to no organization (platform staff on the platform) has no enrollment of its own: every id
 * answers like an unknown one, before any tenant transaction is opened (which would fail for want of one).
 */
export function requireMembership(): void {
  if (!ExecutionContext.actor().membershipId) throw Problems.notFound('enrollment');
}

@Injectable()
export class EnrollmentsService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly enrollments: EnrollmentRepository,
    private readonly cohorts: CohortsService,
    private readonly catalog: CatalogService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  forCohort(cohortId: string, query: PageQuery): Promise<Page<CohortEnrollmentView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor);
    return this.tx.run(async () => {
      await this.cohorts.require(cohortId);
      return toPage(
        await this.enrollments.listForCohort(
          cohortId,
          after,
          limit,
          chainReader(ExecutionContext.optionalActor()),
        ),
        limit,
        (row) => ({ at: row.cursor_at, id: row.id }),
        (row) => ({
          id: row.id,
          memberId: row.membership_id,
          memberName: row.member_name,
          status: row.status,
          dueAt: row.due_at?.toISOString() ?? null,
          overdue: row.overdue,
          completedAt: row.completed_at?.toISOString() ?? null,
          cycle: row.cycle,
        }),
      );
    });
  }

  mine(query: PageQuery): Promise<Page<MyEnrollmentView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor);
    const membershipId = ExecutionContext.actor().membershipId;
    // Platform staff acting on the platform (a session bound to no organization) have no enrollments.
    if (!membershipId) return Promise.resolve({ items: [], nextCursor: null });
    return this.tx.run(async () => {
      const rows = await this.enrollments.listForMember(membershipId, after, limit);
      return toPage(
        rows,
        limit,
        (row) => ({ at: row.cursor_at, id: row.id }),
        (row) => this.myView(row),
      );
    });
  }

  /** One of the learner's own enrollments with what the course player needs; anybody else's is a 404. */
  async mineOne(enrollmentId: string): Promise<MyEnrollmentDetailView> {
    requireMembership();
    return this.tx.run(async () => {
      const row = await this.own(enrollmentId);
      const modules = await this.enrollments.playerModules(enrollmentId, this.config.moduleMinTimeShare);
      const state = await this.enrollments.playerState(enrollmentId);
      return {
        ...this.myView(row),
        modules: modules.map((module) => ({
          moduleId: module.module_id,
          openedAt: module.opened_at?.toISOString() ?? null,
          completableAt: module.completable_at?.toISOString() ?? null,
          completedAt: module.completed_at?.toISOString() ?? null,
        })),
        evaluationRequired: state.evaluation_required,
        evaluationGiven: state.evaluation_given,
        assessmentPassed: state.assessment_passed,
        certificateId: state.certificate_id,
        openAttemptId: state.open_attempt_id,
      };
    });
  }

  /** Records the first opening of a module of the learner's own enrollment; opening it again changes nothing. */
  async openModule(enrollmentId: string, moduleId: string): Promise<ModuleOpeningView> {
    requireMembership();
    return this.tx.run(async () => {
      const { module } = await this.ownModule(enrollmentId, moduleId);
      const now = this.clock.now();
      const openedAt = await this.enrollments.openModule(enrollmentId, moduleId, now);
      await this.enrollments.markStarted(enrollmentId, now);
      return {
        openedAt: openedAt.toISOString(),
        completableAt: this.completableAt(openedAt, module).toISOString(),
      };
    });
  }

  /**
   * Completes a module once MODULE_MIN_TIME_SHARE of its estimated minutes have passed since it was first opened,
   * so that clicking through earns nothing; with a share of 0 a module completes without being opened.
   */
  async completeModule(enrollmentId: string, moduleId: string): Promise<MyEnrollmentView> {
    requireMembership();
    return this.tx.run(async () => {
      const { module } = await this.ownModule(enrollmentId, moduleId);
      const now = this.clock.now();
      if (
        this.config.moduleMinTimeShare > 0 &&
        !(await this.enrollments.isModuleCompleted(enrollmentId, moduleId))
      ) {
        const openedAt = await this.enrollments.openedAt(enrollmentId, moduleId);
        if (!openedAt) throw Problems.conflict('Open the module before completing it.');
        const completableAt = this.completableAt(openedAt, module);
        if (now.getTime() < completableAt.getTime()) {
          throw new ProblemException(
            409,
            `This module can be completed from ${completableAt.toISOString()}, ` +
              `${Math.round(this.config.moduleMinTimeShare * 100)}% of its estimated ${module.estimated_minutes} minutes after it was opened.`,
            { completableAt: completableAt.toISOString() },
          );
        }
      }
      await this.enrollments.completeModule(enrollmentId, moduleId, now);
      await this.enrollments.markStarted(enrollmentId, now);
      return this.myView((await this.enrollments.findById(enrollmentId)) as EnrollmentRow);
    });
  }

  /** The learner's own open enrollment (locked) and one of its course's modules; 404 or 409 otherwise. */
  private async ownModule(
    enrollmentId: string,
    moduleId: string,
  ): Promise<{ enrollment: EnrollmentRow; module: ModuleRow }> {
    const enrollment = await this.own(enrollmentId, true);
    const course = await this.catalog.forAssessment(enrollment.course_id);
    const module = course?.modules.find((candidate) => candidate.id === moduleId);
    if (!module) throw Problems.notFound('module');
    if (enrollment.status === 'exempt' || enrollment.status === 'withdrawn') {
      throw Problems.conflict(`This enrollment is ${enrollment.status}.`);
    }
    return { enrollment, module };
  }

  private completableAt(openedAt: Date, module: Pick<ModuleRow, 'estimated_minutes'>): Date {
    return new Date(openedAt.getTime() + this.config.moduleMinTimeShare * module.estimated_minutes * 60_000);
  }

  exempt(enrollmentId: string, reason: string): Promise<CohortEnrollmentView> {
    return this.tx.run(async () => {
      await this.enrollments.lock(enrollmentId);
      const enrollment = await this.enrollments.findById(enrollmentId);
      if (!enrollment) throw Problems.notFound('enrollment');
      if (enrollment.status === 'completed' || enrollment.status === 'withdrawn') {
        throw Problems.conflict(`A ${enrollment.status} enrollment cannot be exempted.`);
      }
      if (enrollment.status !== 'exempt') {
        await this.enrollments.exempt(enrollmentId, reason, this.clock.now());
        await this.audit.record({
          action: 'enrollment.exempted',
          entityType: 'enrollment',
          entityId: enrollmentId,
          changes: { status: { from: enrollment.status, to: 'exempt' }, reason: { from: null, to: reason } },
        });
      }
      const row = (await this.enrollments.findById(enrollmentId)) as EnrollmentRow;
      return {
        id: row.id,
        memberId: row.membership_id,
        memberName: row.member_name,
        status: row.status,
        dueAt: row.due_at?.toISOString() ?? null,
        overdue: false,
        completedAt: null,
        cycle: row.cycle,
      };
    });
  }

  grantAttempts(enrollmentId: string, count: number): Promise<GrantAttemptsView> {
    return this.tx.run(async () => {
      await this.enrollments.lock(enrollmentId);
      const enrollment = await this.enrollments.findById(enrollmentId);
      if (!enrollment) throw Problems.notFound('enrollment');
      const extra = await this.enrollments.grantAttempts(enrollmentId, count);
      await this.audit.record({
        action: 'enrollment.attempts_granted',
        entityType: 'enrollment',
        entityId: enrollmentId,
        changes: { extraAttempts: { from: enrollment.extra_attempts, to: extra } },
      });
      const granted = (await this.enrollments.findById(enrollmentId)) as EnrollmentRow;
      return { enrollmentId, extraAttempts: extra, attemptsRemaining: granted.attempts_remaining };
    });
  }

  /** The actor's own enrollment; anybody else's answers like an unknown id. */
  async own(enrollmentId: string, lock = false): Promise<EnrollmentRow> {
    const membershipId = ExecutionContext.actor().membershipId;
    if (lock) await this.enrollments.lock(enrollmentId);
    const row = await this.enrollments.findById(enrollmentId);
    if (!row || row.membership_id !== membershipId) throw Problems.notFound('enrollment');
    return row;
  }

  /** Everything the view shows comes with the row (progress, attempts left): no query per enrollment. */
  myView(row: EnrollmentRow): MyEnrollmentView {
    return {
      id: row.id,
      cohortId: row.cohort_id,
      course: { id: row.course_id, code: row.course_code, title: row.course_title },
      status: row.status,
      dueAt: row.due_at?.toISOString() ?? null,
      overdue: row.overdue,
      completedAt: row.completed_at?.toISOString() ?? null,
      progress: { modulesCompleted: row.modules_completed, modulesTotal: row.modules_total },
      attemptsRemaining: row.attempts_remaining,
    };
  }
}
