import { Injectable, Logger } from '@nestjs/common';
import { TenantTransaction } from '@beacon/core/database';
import { FanOut, JobName, QueueName } from '@beacon/core/queue';
import { Clock } from '@beacon/core/time';
import { NotificationRepository } from '../notification.repository';
import { NotificationRelay } from '../notification-relay.service';

/** Pending rows older than this were not relayed after their commit (or the relay failed). */
const STALE_PENDING_SECONDS = 5;
const BATCH = 500;
const RELAY_PAGE = 1_000;

/** The safety net of the outbox: re-relays rows nobody is delivering, for the platform and per organization. */
@Injectable()
export class RelayPendingNotificationsJob {
  private readonly logger = new Logger(RelayPendingNotificationsJob.name);

  constructor(
    private readonly repository: NotificationRepository,
    private readonly fanOut: FanOut,
    private readonly relay: NotificationRelay,
    private readonly tx: TenantTransaction,
    /** Held reminders become due by the injected clock, the one their `send_after` was computed with. */
    private readonly clock: Clock,
  ) {}

  /** The scheduler's tick: the platform's own rows here, each organization's in a job of its own. */
  async run(): Promise<number> {
    const now = this.clock.now();
    const platformIds = await this.tx.platform(() =>
      this.repository.findUnsettled(null, STALE_PENDING_SECONDS, BATCH, now),
    );
    await this.relay.relayAgain(null, platformIds);
    if (platformIds.length > 0)
      this.logger.log(
        { relayed: platformIds.length },
        'outbox poll relayed unsettled platform notifications',
      );
    await this.fanOut.perOrganization(QueueName.outbox, JobName.pollOrganizationOutbox);
    return platformIds.length;
  }

  /** One organization's share of the poll. */
  async poll(organizationId: string): Promise<number> {
    const ids = await this.tx.withOrganization(organizationId, () =>
      this.repository.findUnsettled(organizationId, STALE_PENDING_SECONDS, BATCH, this.clock.now()),
    );
    await this.relay.relayAgain(organizationId, ids);
    if (ids.length > 0)
      this.logger.log({ organizationId, relayed: ids.length }, 'outbox poll relayed unsettled notifications');
    return ids.length;
  }

  /** Relays every due pending row of one organization (or the platform), a page at a time: after a large batch. */
  async runFor(organizationId: string | null): Promise<number> {
    const scope = <T>(work: () => Promise<T>) =>
      organizationId ? this.tx.withOrganization(organizationId, work) : this.tx.platform(work);
    let relayed = 0;
    const now = this.clock.now();
    let after: { at: string; id: string } | null = null;
    for (;;) {
      const cursor: { at: string; id: string } | null = after;
      const page: Array<{ id: string; cursor_at: string }> = await scope(() =>
        this.repository.pendingAfter(organizationId, cursor, RELAY_PAGE, now),
      );
      await this.relay.relay(
        organizationId,
        page.map((row) => row.id),
      );
      relayed += page.length;
      if (page.length < RELAY_PAGE) break;
      const last = page[page.length - 1];
      after = { at: last.cursor_at, id: last.id };
    }
    this.logger.log({ organizationId, relayed }, 'relayed a batch of notifications');
    return relayed;
  }
}
