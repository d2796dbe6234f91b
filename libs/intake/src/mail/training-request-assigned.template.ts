import { layout, LocalizedPayload, MailLocale, MailTemplate, RenderedMail } from '@beacon/core/mail';

export interface TrainingRequestAssignedMail extends LocalizedPayload {
  recipientName: string;
  reference: string;
  organizationName: string;
  requestUrl: string;
}

const WORDS: Record<MailLocale, (mail: TrainingRequestAssignedMail, providerName: string) => RenderedMail> = {
  en: (mail, providerName) =>
    layout({
      subject: `You are assigned to training request ${mail.reference}`,
      greeting: `Hello ${mail.recipientName},`,
      paragraphs: [
        `You are now the facilitator for training request ${mail.reference} (${mail.organizationName}).`,
      ],
      action: { label: 'Open the request', url: mail.requestUrl },
      footer: `Beacon, run by ${providerName}.`,
      locale: 'en',
    }),
  es: (mail, providerName) =>
    layout({
      subject: `Se le ha asignado la solicitud de formación ${mail.reference}`,
      greeting: `Hola, ${mail.recipientName}:`,
      paragraphs: [
        `Ahora es el facilitador de la solicitud de formación ${mail.reference} (${mail.organizationName}).`,
      ],
      action: { label: 'Abrir la solicitud', url: mail.requestUrl },
      footer: `Beacon, gestionado por ${providerName}.`,
      locale: 'es',
    }),
};

declare module '@beacon/core/mail' {
  interface MailKinds {
    training_request_assigned: TrainingRequestAssignedMail;
  }
}

export const trainingRequestAssignedTemplate: MailTemplate<'training_request_assigned'> = {
  kind: 'training_request_assigned',
  render: (mail, context) => WORDS[context.locale](mail, context.providerName),
};
