import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { RenderedMail } from './templates/layout';
import { InvitationMail, renderInvitation } from './templates/invitation.template';
import { PasswordResetMail, renderPasswordReset } from './templates/password-reset.template';

/** Payloads by notification kind, as stored in the outbox. */
export interface MailPayloads {
  invitation: InvitationMail;
  password_reset: PasswordResetMail;
}
export type MailKind = keyof MailPayloads;

export class UnknownMailKindError extends Error {}

@Injectable()
export class MailRenderer {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  render(kind: string, payload: unknown): RenderedMail {
    switch (kind) {
      case 'invitation':
        return renderInvitation(payload as InvitationMail, this.config.providerName);
      case 'password_reset':
        return renderPasswordReset(payload as PasswordResetMail, this.config.providerName);
      default:
        throw new UnknownMailKindError(`No mail template for notification kind "${kind}"`);
    }
  }
}
