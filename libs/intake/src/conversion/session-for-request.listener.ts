import { Injectable, OnModuleInit } from '@nestjs/common';
import { ExecutionContext, TenantTransaction } from '@beacon/core/database';
import { DomainEvents } from '@beacon/core/events';
import type { SessionScheduledForRequestEvent } from '@beacon/sessions';
import type { TrainingRequestStatus } from '../dto/training-request.types';
import { TrainingRequestRepository } from '../training-request.repository';
import { TrainingRequestsService } from '../training-requests.service';

/** Statuses a scheduled session moves on to `scheduled`; later and closed ones are the provider's to keep. */
const BEFORE_SCHEDULED: readonly TrainingRequestStatus[] = ['new', 'triaged', 'proposed'];

/**
 * A session scheduled for a request shows in the request's activity, and a request not yet `scheduled` moves
 * there, as a status change by whoever scheduled the session: in the scheduling transaction, so the board never
 * shows a session without its request's move, nor the move without the session.
 */
@Injectable()
export class SessionForRequestListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly tx: TenantTransaction,
    private readonly requests: TrainingRequestRepository,
    private readonly pipeline: TrainingRequestsService,
  ) {}

  onModuleInit(): void {
    this.events.subscribe('live-session.scheduled-for-request', (event) => this.record(event));
  }

  private async record(event: SessionScheduledForRequestEvent): Promise<void> {
    const actorUserId = ExecutionContext.actor().userId;
    await this.tx.platform(async () => {
      const row = await this.requests.findForUpdate(event.trainingRequestId);
      if (!row) return;
      await this.requests.addActivity(row.id, {
        action: 'session_linked',
        actorUserId,
        organizationId: event.organizationId,
        sessionId: event.sessionId,
      });
      if (!BEFORE_SCHEDULED.includes(row.status)) return;
      await this.pipeline.moveStatus(row, 'scheduled', actorUserId);
    });
  }
}
