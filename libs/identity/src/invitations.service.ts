import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { OutboxService } from '@beacon/notifications';
import { newSecretToken, sha256 } from './crypto/secret-token';
import { InvitationRepository } from './invitation.repository';
import { UserRow } from './user.repository';

const INVITATION_TTL_SECONDS = 7 * 86_400;

export interface InvitationTarget {
  user: Pick<UserRow, 'id' | 'email' | 'name' | 'password_hash'>;
  /** For a membership invitation; null invites the person as the provider's staff. */
  organization: { id: string; name: string; membershipId: string } | null;
}

/** Writes a single-use invitation and its mail (through the outbox) in the caller's transaction. */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly invitations: InvitationRepository,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async invite(target: InvitationTarget): Promise<string> {
    const token = newSecretToken();
    const invitation = await this.invitations.insert({
      userId: target.user.id,
      organizationId: target.organization?.id ?? null,
      membershipId: target.organization?.membershipId ?? null,
      tokenHash: sha256(token),
      ttlSeconds: INVITATION_TTL_SECONDS,
    });
    await this.outbox.enqueue({
      kind: 'invitation',
      recipientEmail: target.user.email,
      recipientUserId: target.user.id,
      dedupeKey: `invitation:${invitation.id}`,
      payload: {
        recipientName: target.user.name,
        organizationName: target.organization?.name ?? null,
        inviteUrl: `${this.config.publicUrl}/invite?token=${token}`,
        expiresAt: invitation.expires_at.toISOString(),
        existingAccount: target.user.password_hash !== null,
      },
    });
    return invitation.id;
  }
}
