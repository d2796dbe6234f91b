import { Injectable, OnModuleInit } from '@nestjs/common';
import { ExecutionContext, TenantTransaction } from '@beacon/core/database';
import { DomainEvents } from '@beacon/core/events';
import type { SessionScheduledForRequestEvent } from '@beacon/sessions';
import { TrainingRequestRepository } from '../training-request.repository';

/** A session scheduled for a request shows in the request's activity, in the scheduling transaction. */
@Injectable()
export class SessionForRequestListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly tx: TenantTransaction,
    private readonly requests: TrainingRequestRepository,
  ) {}

  onModuleInit(): void {
    this.events.subscribe('live-session.scheduled-for-request', (event) => this.record(event));
  }

  private async record(event: SessionScheduledForRequestEvent): Promise<void> {
    const actorUserId = ExecutionContext.actor().userId;
    await this.tx.platform(() =>
      this.requests.addActivity(event.trainingRequestId, {
        action: 'session_linked',
        actorUserId,
        organizationId: event.organizationId,
        sessionId: event.sessionId,
      }),
    );
  }
}
