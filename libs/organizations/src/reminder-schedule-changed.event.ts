/**
 * Published, in the same transaction, whenever what decides when an organization's reminders may go out changes:
 * its reminder window or time zone, or a site's time zone. The reminder engine recomputes `send_after` of the
 * organization's pending reminders, so a held reminder follows the new window at once.
 */
export interface ReminderScheduleChangedEvent {
  type: 'reminder-schedule.changed';
  organizationId: string;
}

declare module '@beacon/core/events' {
  interface DomainEventMap {
    'reminder-schedule.changed': ReminderScheduleChangedEvent;
  }
}
