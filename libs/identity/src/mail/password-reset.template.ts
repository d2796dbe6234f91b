import { layout, MailTemplate, RenderedMail } from '@beacon/core/mail';

export interface PasswordResetMail {
  recipientName: string;
  resetUrl: string;
  expiresAt: string;
}

export function renderPasswordReset(mail: PasswordResetMail, providerName: string): RenderedMail {
  return layout({
    subject: 'Reset your Beacon password',
    greeting: `Hello ${mail.recipientName},`,
    paragraphs: [
      'Someone asked to reset the password of your Beacon account. If it was you, open the link below.',
      `The link works once and expires on ${new Date(mail.expiresAt).toUTCString()}.`,
      'If you did not ask for this, ignore this message: your password stays as it is.',
    ],
    action: { label: 'Choose a new password', url: mail.resetUrl },
    footer: `Beacon, run by ${providerName}.`,
  });
}

declare module '@beacon/core/mail' {
  interface MailKinds {
    password_reset: PasswordResetMail;
  }
}

export const passwordResetTemplate: MailTemplate<'password_reset'> = {
  kind: 'password_reset',
  render: (mail, context) => renderPasswordReset(mail, context.providerName),
};
