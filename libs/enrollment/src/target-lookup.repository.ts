import { Injectable } from '@nestjs/common';
import { rows } from '@beacon/core/database';

/** Which of the given site or department ids exist (and are live) in the current organization. */
@Injectable()
export class TargetLookupRepository {
  async liveSiteIds(ids: string[]): Promise<Set<string>> {
    return this.live('sites', ids);
  }

  async liveDepartmentIds(ids: string[]): Promise<Set<string>> {
    return this.live('departments', ids);
  }

  private async live(table: 'sites' | 'departments', ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const live = await rows<{ id: string }>(
      `SELECT id FROM ${table} WHERE id = ANY ($1::uuid[]) AND archived_at IS NULL`,
      [ids],
    );
    return new Set(live.map((row) => row.id));
  }
}
