import {
  formatNumber,
  layout,
  LocalizedPayload,
  MailLocale,
  MailParts,
  MailTemplate,
  RenderedMail,
} from '@beacon/core/mail';

export interface CertificateIssuedMail extends LocalizedPayload {
  recipientName: string;
  courseTitle: string;
  number: string;
  creditHours: number;
  /** Labels of the credit types the certificate awards; absent from mails queued before credits were configured. */
  credits?: string[];
  verifyUrl: string;
}

type Words = (mail: CertificateIssuedMail, providerName: string) => Omit<MailParts, 'locale'>;

/** Claims credit only when the certificate awards a configured credit type; otherwise hours of instruction. */
const WORDS: Record<MailLocale, Words> = {
  en: (mail, providerName) => {
    const credits = mail.credits ?? [];
    const hours = formatNumber(mail.creditHours, 'en');
    const achievement =
      credits.length === 0
        ? `You completed "${mail.courseTitle}" (${hours} hour(s) of instruction).`
        : `You completed "${mail.courseTitle}" and were awarded ${hours} hour(s) of ${credits.join('; ')}.`;
    return {
      subject: `Your certificate: ${mail.courseTitle}`,
      greeting: `Congratulations ${mail.recipientName},`,
      paragraphs: [
        `${achievement} Your certificate number is ${mail.number}.`,
        'You can download the certificate as a PDF from your Beacon account at any time. Anyone can check it is genuine at the link below.',
      ],
      action: { label: 'Verify the certificate', url: mail.verifyUrl },
      footer: `Beacon, run by ${providerName}.`,
    };
  },
  // Credit type labels are the provider's accreditation wording and stay as configured.
  es: (mail, providerName) => {
    const credits = mail.credits ?? [];
    const hours = formatNumber(mail.creditHours, 'es');
    const achievement =
      credits.length === 0
        ? `Ha completado «${mail.courseTitle}» (${hours} hora(s) de formación).`
        : `Ha completado «${mail.courseTitle}» y ha obtenido ${hours} hora(s) de ${credits.join('; ')}.`;
    return {
      subject: `Su certificado: ${mail.courseTitle}`,
      greeting: `Enhorabuena, ${mail.recipientName}:`,
      paragraphs: [
        `${achievement} El número de su certificado es ${mail.number}.`,
        'Puede descargar el certificado en PDF desde su cuenta de Beacon en cualquier momento. Cualquier persona puede comprobar su autenticidad en el enlace que aparece a continuación.',
      ],
      action: { label: 'Verificar el certificado', url: mail.verifyUrl },
      footer: `Beacon, gestionado por ${providerName}.`,
    };
  },
};

export function renderCertificateIssued(
  mail: CertificateIssuedMail,
  providerName: string,
  locale: MailLocale = 'en',
): RenderedMail {
  return layout({ ...WORDS[locale](mail, providerName), locale });
}

declare module '@beacon/core/mail' {
  interface MailKinds {
    certificate_issued: CertificateIssuedMail;
  }
}

export const certificateIssuedTemplate: MailTemplate<'certificate_issued'> = {
  kind: 'certificate_issued',
  render: (mail, context) => renderCertificateIssued(mail, context.providerName, context.locale),
};
