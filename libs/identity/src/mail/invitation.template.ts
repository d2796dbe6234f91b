import { layout, MailTemplate, RenderedMail } from '@beacon/core/mail';

export interface InvitationMail {
  recipientName: string;
  /** The organization the person is invited to; null for the provider's own staff. */
  organizationName: string | null;
  inviteUrl: string;
  expiresAt: string;
  existingAccount: boolean;
}

export function renderInvitation(mail: InvitationMail, providerName: string): RenderedMail {
  const where = mail.organizationName ?? `the ${providerName} team`;
  return layout({
    subject: `You're invited to ${where} on Beacon`,
    greeting: `Hello ${mail.recipientName},`,
    paragraphs: [
      `You have been invited to join ${where} on Beacon, where you will find your assigned training and CE certificates.`,
      mail.existingAccount
        ? 'You already have a Beacon account: accept the invitation with your current password.'
        : 'Open the link below to choose your password and sign in.',
      `This invitation can be used once and expires on ${new Date(mail.expiresAt).toUTCString()}.`,
    ],
    action: { label: 'Accept the invitation', url: mail.inviteUrl },
    footer: `Sent by Beacon on behalf of ${where}. If you did not expect this message, you can ignore it.`,
  });
}

declare module '@beacon/core/mail' {
  interface MailKinds {
    invitation: InvitationMail;
  }
}

export const invitationTemplate: MailTemplate<'invitation'> = {
  kind: 'invitation',
  render: (mail, context) => renderInvitation(mail, context.providerName),
};
