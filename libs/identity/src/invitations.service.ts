import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { NotificationInsert, OutboxService } from '@beacon/notifications';
import { newSecretToken, sha256 } from './crypto/secret-token';
import { InvitationRepository, WrittenInvitation } from './invitation.repository';
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

  /** Invites many new members of one organization: one statement for the invitations, one for their mail. */
  async inviteMany(
    organization: { id: string; name: string },
    targets: Array<{ user: InvitationTarget['user']; membershipId: string }>,
  ): Promise<number> {
    const tokens = targets.map(() => newSecretToken());
    const invitations = await this.invitations.insertMany(
      organization.id,
      targets.map((t, i) => ({
        userId: t.user.id,
        membershipId: t.membershipId,
        tokenHash: sha256(tokens[i]),
      })),
      INVITATION_TTL_SECONDS,
    );
    const byMembership = new Map(invitations.map((inv) => [inv.membership_id, inv]));
    await this.outbox.enqueueMany(
      targets.map((target, i) => {
        const invitation = byMembership.get(target.membershipId) as WrittenInvitation;
        return this.mail(target.user, organization.name, invitation, tokens[i]);
      }),
    );
    return invitations.length;
  }

  async invite(target: InvitationTarget): Promise<string> {
    const token = newSecretToken();
    const invitation = await this.invitations.insert({
      userId: target.user.id,
      organizationId: target.organization?.id ?? null,
      membershipId: target.organization?.membershipId ?? null,
      tokenHash: sha256(token),
      ttlSeconds: INVITATION_TTL_SECONDS,
    });
    await this.outbox.enqueue(this.mail(target.user, target.organization?.name ?? null, invitation, token));
    return invitation.id;
  }

  private mail(
    user: InvitationTarget['user'],
    organizationName: string | null,
    invitation: WrittenInvitation,
    token: string,
  ): NotificationInsert {
    return {
      kind: 'invitation',
      recipientEmail: user.email,
      recipientUserId: user.id,
      dedupeKey: `invitation:${invitation.id}`,
      payload: {
        recipientName: user.name,
        organizationName,
        inviteUrl: `${this.config.publicUrl}/invite?token=${token}`,
        expiresAt: invitation.expires_at.toISOString(),
        existingAccount: user.password_hash !== null,
        locale: invitation.locale,
      },
    };
  }
}
