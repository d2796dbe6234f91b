import { Injectable, OnModuleInit } from '@nestjs/common';
import { TenantTransaction } from '@beacon/core/database';
import { DomainEvents } from '@beacon/core/events';
import { Clock } from '@beacon/core/time';
import { NotificationRelay } from '@beacon/notifications';
import type { ReminderScheduleChangedEvent } from '@beacon/organizations';
import { ReminderScheduleRepository } from './reminder-schedule.repository';

/**
 * A changed reminder window or time zone moves the held reminders at once, in the publisher's transaction; those
 * now due (a cleared window) are relayed after commit instead of waiting for the poll.
 */
@Injectable()
export class ReminderScheduleSubscriber implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly schedule: ReminderScheduleRepository,
    private readonly relay: NotificationRelay,
    private readonly tx: TenantTransaction,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.events.subscribe('reminder-schedule.changed', (event) => this.reschedule(event));
  }

  async reschedule(event: ReminderScheduleChangedEvent): Promise<void> {
    const moved = await this.schedule.reschedulePending(event.organizationId, this.clock.now());
    const due = moved.filter((row) => row.due).map((row) => row.id);
    if (due.length > 0) this.tx.onCommit(() => this.relay.relay(event.organizationId, due));
  }
}
