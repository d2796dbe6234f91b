import { layout, MailTemplate, RenderedMail } from '@beacon/core/mail';

export interface CertificateIssuedMail {
  recipientName: string;
  courseTitle: string;
  number: string;
  creditHours: number;
  verifyUrl: string;
}

export function renderCertificateIssued(mail: CertificateIssuedMail, providerName: string): RenderedMail {
  return layout({
    subject: `Your CE certificate: ${mail.courseTitle}`,
    greeting: `Congratulations ${mail.recipientName},`,
    paragraphs: [
      `You passed "${mail.courseTitle}" and earned ${mail.creditHours} credit hour(s). Your certificate number is ${mail.number}.`,
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
