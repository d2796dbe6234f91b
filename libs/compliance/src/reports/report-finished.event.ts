/**
 * A report run ended, ready or failed; published in the transaction that marks it, so whatever a subscriber
 * writes (a scheduled report's mail) commits with that mark or not at all.
 */
export interface ReportFinishedEvent {
  type: 'report.finished';
  organizationId: string;
  reportId: string;
}

declare module '@beacon/core/events' {
  interface DomainEventMap {
    'report.finished': ReportFinishedEvent;
  }
}
