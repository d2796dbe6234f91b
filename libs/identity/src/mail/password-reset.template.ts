import {
  formatInstant,
  layout,
  LocalizedPayload,
  MailLocale,
  MailParts,
  MailTemplate,
  RenderedMail,
} from '@beacon/core/mail';

export interface PasswordResetMail extends LocalizedPayload {
  recipientName: string;
  resetUrl: string;
  expiresAt: string;
}

type Words = (mail: PasswordResetMail, providerName: string, expires: string) => Omit<MailParts, 'locale'>;

const WORDS: Record<MailLocale, Words> = {
  en: (mail, providerName, expires) => ({
    subject: 'Reset your Beacon password',
    greeting: `Hello ${mail.recipientName},`,
    paragraphs: [
      'Someone asked to reset the password of your Beacon account. If it was you, open the link below.',
      `The link works once and expires on ${expires}.`,
      'If you did not ask for this, ignore this message: your password stays as it is.',
    ],
    action: { label: 'Choose a new password', url: mail.resetUrl },
    footer: `Beacon, run by ${providerName}.`,
  }),
  es: (mail, providerName, expires) => ({
    subject: 'Restablezca su contraseña de Beacon',
    greeting: `Hola, ${mail.recipientName}:`,
    paragraphs: [
      'Alguien ha solicitado restablecer la contraseña de su cuenta de Beacon. Si ha sido usted, abra el enlace que aparece a continuación.',
      `El enlace solo funciona una vez y caduca el ${expires}.`,
      'Si no lo ha solicitado, ignore este mensaje: su contraseña no cambiará.',
    ],
    action: { label: 'Elegir una contraseña nueva', url: mail.resetUrl },
    footer: `Beacon, gestionado por ${providerName}.`,
  }),
};

export function renderPasswordReset(
  mail: PasswordResetMail,
  providerName: string,
  locale: MailLocale = 'en',
): RenderedMail {
  return layout({ ...WORDS[locale](mail, providerName, formatInstant(mail.expiresAt, locale)), locale });
}

declare module '@beacon/core/mail' {
  interface MailKinds {
    password_reset: PasswordResetMail;
  }
}

export const passwordResetTemplate: MailTemplate<'password_reset'> = {
  kind: 'password_reset',
  render: (mail, context) => renderPasswordReset(mail, context.providerName, context.locale),
};
