import { layout, LocalizedPayload, MailLocale, MailTemplate, RenderedMail } from '@beacon/core/mail';

/** Only the reference: none of the submitted text goes back out, so the form cannot relay a stranger's words. */
export interface TrainingRequestAckMail extends LocalizedPayload {
  reference: string;
}

const WORDS: Record<MailLocale, (reference: string, providerName: string) => RenderedMail> = {
  en: (reference, providerName) =>
    layout({
      subject: `We received your training request ${reference}`,
      greeting: 'Hello,',
      paragraphs: [
        `Thank you for asking ${providerName} about a live training. Your request has the reference ${reference}.`,
        'Our team will contact you soon. Please quote the reference if you write to us about it.',
        'If you did not send this request, you can ignore this message.',
      ],
      footer: providerName,
      locale: 'en',
    }),
  es: (reference, providerName) =>
    layout({
      subject: `Hemos recibido su solicitud de formación ${reference}`,
      greeting: 'Hola:',
      paragraphs: [
        `Gracias por consultar a ${providerName} sobre una formación presencial. Su solicitud tiene la referencia ${reference}.`,
        'Nuestro equipo se pondrá en contacto con usted pronto. Indique la referencia si nos escribe sobre ella.',
        'Si no ha enviado esta solicitud, puede ignorar este mensaje.',
      ],
      footer: providerName,
      locale: 'es',
    }),
};

declare module '@beacon/core/mail' {
  interface MailKinds {
    training_request_ack: TrainingRequestAckMail;
  }
}

export const trainingRequestAckTemplate: MailTemplate<'training_request_ack'> = {
  kind: 'training_request_ack',
  render: (mail, context) => WORDS[context.locale](mail.reference, context.providerName),
};
