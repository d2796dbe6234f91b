import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { DomainEvents } from '@beacon/core/events';
import { Clock } from '@beacon/core/time';
import { OutboxService } from '@beacon/notifications';
import { AssignmentRepository } from './assignment.repository';
import { EnrollmentRepository, ReconcileScope } from './enrollment.repository';

/**
 * Keeps enrollments in line with cohort targets. Organizations publish `member.changed` (created, imported, moved,
 * deactivated); this subscriber reconciles in the publisher's transaction, so organizations never imports
 * enrollment. New enrollments, the next cycle of a recurring cohort included, each owe one `assignment_created`
 * mail (deduplicated per enrollment).
 */
@Injectable()
export class EnrollmentSync implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly enrollments: EnrollmentRepository,
    private readonly assignments: AssignmentRepository,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.events.subscribe('member.changed', (event) =>
      this.reconcile({ cohortIds: null, memberIds: event.memberIds }).then(() => undefined),
    );
  }

  /** Runs in the caller's transaction; returns how many enrollments were created. */
  async reconcile(scope: ReconcileScope): Promise<number> {
    const created = await this.enrollments.reconcile(scope, this.clock.now());
    await this.notifyAssigned(created.map((row) => row.id));
    return created.length;
  }

  /** Recurring cohorts: completed cycles open the next one, announced like any new enrollment. */
  async openNextCycles(completedIds: string[], now: Date): Promise<number> {
    const opened = await this.enrollments.openNextCycles(completedIds, now);
    await this.notifyAssigned(opened.map((row) => row.id));
    return opened.length;
  }

  /** One `assignment_created` mail per new enrollment, written set-based from the enrollments themselves. */
  private async notifyAssigned(enrollmentIds: string[]): Promise<void> {
    if (enrollmentIds.length === 0) return;
    await this.outbox.enqueueFromSelect(
      this.assignments.mailsFor(enrollmentIds, `${this.config.publicUrl}/learn`),
    );
  }
}
