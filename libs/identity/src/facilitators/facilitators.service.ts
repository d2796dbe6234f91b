import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@beacon/core/database';
import { UserRepository } from '../user.repository';

export interface FacilitatorView {
  id: string;
  name: string;
}

/** The provider's facilitators (platform users with the `facilitator` role), for whoever schedules sessions. */
@Injectable()
export class FacilitatorsService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly users: UserRepository,
  ) {}

  list(): Promise<{ items: FacilitatorView[]; nextCursor: null }> {
    return this.tx.platform(async () => ({ items: await this.users.listFacilitators(), nextCursor: null }));
  }

  /** The ids that do not name an active facilitator. */
  async notFacilitators(ids: readonly string[]): Promise<string[]> {
    const found = new Set(await this.tx.platform(() => this.users.facilitatorIdsAmong(ids)));
    return ids.filter((id) => !found.has(id));
  }
}
