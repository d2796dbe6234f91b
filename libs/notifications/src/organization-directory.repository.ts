import { Injectable } from '@nestjs/common';
import { ExecutionContext } from '@beacon/core/database';

/** The ids of all organizations, for sweeps that enter each one in turn (a platform read by id only). */
@Injectable()
export class OrganizationDirectoryRepository {
  async allIds(): Promise<string[]> {
    const rows: Array<{ id: string }> = await ExecutionContext.manager().query(
      'SELECT id FROM organizations ORDER BY id',
    );
    return rows.map((row) => row.id);
  }
}
