import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { RenderedMail } from './templates/layout';
import { InvitationMail, renderInvitation } from './templates/invitation.template';
import { PasswordResetMail, renderPasswordReset } from './templates/password-reset.template';
import { AssignmentCreatedMail, renderAssignmentCreated } from './templates/assignment-created.template';
import { CertificateIssuedMail, renderCertificateIssued } from './templates/certificate-issued.template';

/** Payloads by notification kind, as stored in the outbox. */
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
      case 'assignment_created':
        return renderAssignmentCreated(payload as AssignmentCreatedMail, this.config.providerName);
      case 'certificate_issued':
        return renderCertificateIssued(payload as CertificateIssuedMail, this.config.providerName);
      default:
        throw new UnknownMailKindError(`No mail template for notification kind "${kind}"`);
    }
  }
}
