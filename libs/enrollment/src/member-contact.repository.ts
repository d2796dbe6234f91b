import { Injectable } from '@nestjs/common';
import { rows } from '@beacon/core/database';

/** Where a member's mail goes: the person's global email. */
@Injectable()
export class MemberContactRepository {
  async forMembership(membershipId: string): Promise<{ email: string; user_id: string; name: string }> {
    const [contact] = await rows<{ email: string; user_id: string; name: string }>(
      'SELECT u.email, u.id AS user_id, u.name FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.id = $1',
      [membershipId],
    );
    return contact;
  }
}
