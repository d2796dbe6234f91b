import { layout, MailTemplate, RenderedMail } from '@beacon/core/mail';

export interface CertificateIssuedMail {
  recipientName: string;
  courseTitle: string;
  number: string;
  creditHours: number;
  /** Labels of the credit types the certificate awards; absent from mails queued before credits were configured. */
  credits?: string[];
  verifyUrl: string;
}

/** Claims credit only when the certificate awards a configured credit type; otherwise hours of instruction. */
function achievement(mail: CertificateIssuedMail): string {
  const credits = mail.credits ?? [];
  return credits.length === 0
    ? `You completed "${mail.courseTitle}" (${mail.creditHours} hour(s) of instruction).`
    : `You completed "${mail.courseTitle}" and were awarded ${mail.creditHours} hour(s) of ${credits.join('; ')}.`;
}

export function renderCertificateIssued(mail: CertificateIssuedMail, providerName: string): RenderedMail {
  return layout({
    subject: `Your certificate: ${mail.courseTitle}`,
    greeting: `Congratulations ${mail.recipientName},`,
    paragraphs: [
      `${achievement(mail)} Your certificate number is ${mail.number}.`,
      'You can download the certificate as a PDF from your Beacon account at any time. Anyone can check it is genuine at the link below.',
    ],
    action: { label: 'Verify the certificate', url: mail.verifyUrl },
    footer: `Beacon, run by ${providerName}.`,
  });
}

declare module '@beacon/core/mail' {
  interface MailKinds {
    certificate_issued: CertificateIssuedMail;
  }
}

export const certificateIssuedTemplate: MailTemplate<'certificate_issued'> = {
  kind: 'certificate_issued',
  render: (mail, context) => renderCertificateIssued(mail, context.providerName),
};
