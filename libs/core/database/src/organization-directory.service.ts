import { Injectable } from '@nestjs/common';
import { rows } from './sql';
import { TenantTransaction } from './tenant-transaction.service';

/** The organizations, for work fanned out to each one (a platform read of ids, nothing else). */
@Injectable()
export class OrganizationDirectory {
  constructor(private readonly tx: TenantTransaction) {}

  allIds(): Promise<string[]> {
    return this.tx.platform(async () => {
      const organizations = await rows<{ id: string }>('SELECT id FROM organizations ORDER BY id');
      return organizations.map((row) => row.id);
    });
  }
}
