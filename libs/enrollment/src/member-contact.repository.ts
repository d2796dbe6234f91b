import { Injectable } from '@nestjs/common';
import { ExecutionContext } from '@beacon/core/database';

/** Where a member's mail goes: the person's global email. */
@Injectable()
export class MemberContactRepository {
  async forMembership(membershipId: string): Promise<{ email: string; user_id: string; name: string }> {
    const rows: Array<{ email: string; user_id: string; name: string }> =
      await ExecutionContext.manager().query(
        'SELECT u.email, u.id AS user_id, u.name FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.id = $1',
        [membershipId],
      );
    return rows[0];
  }
}
