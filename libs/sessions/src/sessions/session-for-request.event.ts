/**
 * A session was scheduled for a training request: created with `trainingRequestId`, or a conversion's draft
 * published. Intake records it and moves the request on.
 */
export interface SessionScheduledForRequestEvent {
  type: 'live-session.scheduled-for-request';
  trainingRequestId: string;
  sessionId: string;
  organizationId: string;
}

declare module '@beacon/core/events' {
  interface DomainEventMap {
    'live-session.scheduled-for-request': SessionScheduledForRequestEvent;
  }
}
