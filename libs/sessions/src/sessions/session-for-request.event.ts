/** A session was scheduled for a training request (POST /live-sessions with trainingRequestId); intake records it. */
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
