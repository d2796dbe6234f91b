import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { TenantTransaction } from '@beacon/core/database';
import { FanOut, JobName, QueueName } from '@beacon/core/queue';
import { Clock } from '@beacon/core/time';
import { OutboxService } from '@beacon/notifications';
import { ReminderSweepRepository } from './reminder-sweep.repository';
import { SessionReminderSweepRepository } from './session-reminder-sweep.repository';

export interface SweepResult {
  /** New `due_soon` and `overdue` rows. */
  reminders: number;
  /** New escalation digests. */
  digests: number;
  /** New live-session reminders. */
  sessions: number;
}

/**
 * Decides what reminders are owed and writes them to the outbox, deduplicated by their keys: any number of sweeps,
 * concurrent or repeated after a crash, write each reminder once. Nothing is sent here; the outbox relays after
 * commit (only what the reminder window lets through now) and its poll takes held rows once they are due.
 */
@Injectable()
export class ReminderSweepJob {
  private readonly logger = new Logger(ReminderSweepJob.name);

  constructor(
    private readonly repository: ReminderSweepRepository,
    private readonly sessionReminders: SessionReminderSweepRepository,
    private readonly outbox: OutboxService,
    private readonly fanOut: FanOut,
    private readonly tx: TenantTransaction,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The scheduler's tick: one job per organization, so one organization's failure is retried and logged on its
   * own while the others go on.
   */
  async run(): Promise<number> {
    return this.fanOut.perOrganization(QueueName.reminders, JobName.sweepOrganizationReminders);
  }

  /**
   * One organization, one transaction: its reminders, its digests, what those digests reported, and its live
   * sessions' reminders.
   */
  runFor(organizationId: string, now: Date = this.clock.now()): Promise<SweepResult> {
    return this.tx.withOrganization(organizationId, async () => {
      await this.repository.lock(organizationId);
      const publicUrl = this.config.publicUrl;
      const reminders = await this.outbox.enqueueScheduledFromSelect(
        this.repository.learnerReminders(organizationId, now, publicUrl),
        now,
      );
      const digests = await this.outbox.enqueueScheduledFromSelect(
        this.repository.escalationDigests(organizationId, now, publicUrl),
        now,
      );
      await this.repository.markEscalationsReported(organizationId, now);
      const seats = await this.sessionReminders.markOwed(organizationId, now);
      const sessions =
        seats.length === 0
          ? 0
          : await this.outbox.enqueueScheduledFromSelect(
              this.sessionReminders.reminderMails(organizationId, seats, {
                publicUrl,
                host: new URL(publicUrl).hostname,
                organizerName: this.config.providerName,
                organizerEmail: this.config.providerInbox,
              }),
              now,
            );
      const result = { reminders, digests, sessions };
      if (result.reminders + result.digests + result.sessions > 0)
        this.logger.log({ organizationId, ...result }, 'reminder sweep wrote reminders');
      return result;
    });
  }
}
