import {
  formatInstant,
  layout,
  LocalizedPayload,
  MailLocale,
  MailParts,
  MailTemplate,
  RenderedMail,
} from '@beacon/core/mail';

export interface InvitationMail extends LocalizedPayload {
  recipientName: string;
  /** The organization the person is invited to; null for the provider's own staff. */
  organizationName: string | null;
  inviteUrl: string;
  expiresAt: string;
  existingAccount: boolean;
}

type Words = (mail: InvitationMail, providerName: string, expires: string) => Omit<MailParts, 'locale'>;

const WORDS: Record<MailLocale, Words> = {
  en: (mail, providerName, expires) => {
    const where = mail.organizationName ?? `the ${providerName} team`;
    return {
      subject: `You're invited to ${where} on Beacon`,
      greeting: `Hello ${mail.recipientName},`,
      paragraphs: [
        `You have been invited to join ${where} on Beacon, where you will find your assigned training and CE certificates.`,
        mail.existingAccount
          ? 'You already have a Beacon account: accept the invitation with your current password.'
          : 'Open the link below to choose your password and sign in.',
        `This invitation can be used once and expires on ${expires}.`,
      ],
      action: { label: 'Accept the invitation', url: mail.inviteUrl },
      footer: `Sent by Beacon on behalf of ${where}. If you did not expect this message, you can ignore it.`,
    };
  },
  // Spanish contracts "a el" and "de el": the provider's team needs its own phrasing after each preposition.
  es: (mail, providerName, expires) => {
    const to = mail.organizationName ? `a ${mail.organizationName}` : `al equipo de ${providerName}`;
    const of = mail.organizationName ? `de ${mail.organizationName}` : `del equipo de ${providerName}`;
    return {
      subject: `Invitación para unirse ${to} en Beacon`,
      greeting: `Hola, ${mail.recipientName}:`,
      paragraphs: [
        `Le han invitado a unirse ${to} en Beacon, donde encontrará la formación que tiene asignada y sus certificados de formación continuada.`,
        mail.existingAccount
          ? 'Ya tiene una cuenta en Beacon: acepte la invitación con su contraseña actual.'
          : 'Abra el enlace que aparece a continuación para elegir su contraseña e iniciar sesión.',
        `Esta invitación solo puede usarse una vez y caduca el ${expires}.`,
      ],
      action: { label: 'Aceptar la invitación', url: mail.inviteUrl },
      footer: `Enviado por Beacon en nombre ${of}. Si no esperaba este mensaje, puede ignorarlo.`,
    };
  },
};

export function renderInvitation(
  mail: InvitationMail,
  providerName: string,
  locale: MailLocale = 'en',
): RenderedMail {
  return layout({ ...WORDS[locale](mail, providerName, formatInstant(mail.expiresAt, locale)), locale });
}

declare module '@beacon/core/mail' {
  interface MailKinds {
    invitation: InvitationMail;
  }
}

export const invitationTemplate: MailTemplate<'invitation'> = {
  kind: 'invitation',
  render: (mail, context) => renderInvitation(mail, context.providerName, context.locale),
};
