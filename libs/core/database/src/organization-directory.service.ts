import { Injectable, Logger } from '@nestjs/common';
import { rows } from './sql';
import { TenantTransaction } from './tenant-transaction.service';

/** The organizations, for sweeps that enter each one in turn (a platform read of ids, nothing else). */
@Injectable()
export class OrganizationDirectory {
  private readonly logger = new Logger(OrganizationDirectory.name);

  constructor(private readonly tx: TenantTransaction) {}

  allIds(): Promise<string[]> {
    return this.tx.platform(async () => {
      const organizations = await rows<{ id: string }>('SELECT id FROM organizations ORDER BY id');
      return organizations.map((row) => row.id);
    });
  }

  /**
   * Runs `work` for every organization in turn. One organization's failure is logged under `sweep` and the sweep
   * goes on with the others.
   */
  async forEach(sweep: string, work: (organizationId: string) => Promise<void>): Promise<void> {
    for (const organizationId of await this.allIds()) {
      try {
        await work(organizationId);
      } catch (error) {
        this.logger.error({ err: error, organizationId, sweep }, 'a sweep failed for an organization');
      }
    }
  }
}
