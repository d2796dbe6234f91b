import { Injectable, Logger } from '@nestjs/common';
import { TenantTransaction } from '@beacon/core/database';
import { NotificationRepository } from '../notification.repository';
import { NotificationRelay } from '../notification-relay.service';
import { OrganizationDirectoryRepository } from '../organization-directory.repository';

/** Pending rows older than this were not relayed after their commit (or the relay failed). */
const STALE_PENDING_SECONDS = 5;
const BATCH = 500;

/** The safety net of the outbox: re-relays rows nobody is delivering, per organization and for the platform. */
@Injectable()
export class RelayPendingNotificationsJob {
  private readonly logger = new Logger(RelayPendingNotificationsJob.name);

  constructor(
    private readonly repository: NotificationRepository,
    private readonly organizations: OrganizationDirectoryRepository,
    private readonly relay: NotificationRelay,
    private readonly tx: TenantTransaction,
  ) {}

  async run(): Promise<number> {
    let relayed = 0;
    const platformIds = await this.tx.platform(() =>
      this.repository.findUnsettled(null, STALE_PENDING_SECONDS, BATCH),
    );
    await this.relay.relayAgain(null, platformIds);
    relayed += platformIds.length;
    const organizationIds = await this.tx.platform(() => this.organizations.allIds());
    for (const organizationId of organizationIds) {
      try {
        const ids = await this.tx.withOrganization(organizationId, () =>
          this.repository.findUnsettled(organizationId, STALE_PENDING_SECONDS, BATCH),
        );
        await this.relay.relayAgain(organizationId, ids);
        relayed += ids.length;
      } catch (error) {
        // One organization's failure must not stop the sweep for the others.
        this.logger.error({ err: error, organizationId }, 'outbox poll failed for an organization');
      }
    }
    if (relayed > 0) this.logger.log({ relayed }, 'outbox poll relayed unsettled notifications');
    return relayed;
  }
}
