import { layout, MailTemplate } from '@beacon/core/mail';

/** What the provider's inbox is told of a new request: every field as the requester typed it (escaped by layout). */
export interface TrainingRequestNoticeMail {
  reference: string;
  organizationName: string;
  contactName: string;
  email: string;
  phone: string | null;
  role: string | null;
  setting: string;
  staffCount: number | null;
  preferredDates: string[];
  location: string | null;
  format: string;
  message: string | null;
  pipelineUrl: string;
}

declare module '@beacon/core/mail' {
  interface MailKinds {
    training_request_notice: TrainingRequestNoticeMail;
  }
}

const line = (label: string, value: string | number | null): string[] =>
  value === null || value === '' ? [] : [`${label}: ${value}`];

export const trainingRequestNoticeTemplate: MailTemplate<'training_request_notice'> = {
  kind: 'training_request_notice',
  render: (mail, context) =>
    layout({
      subject: `New training request ${mail.reference}`,
      greeting: 'A new training request came in through the booking form.',
      paragraphs: [
        ...line('Reference', mail.reference),
        ...line('Organization', mail.organizationName),
        ...line('Contact', mail.contactName),
        ...line('Email', mail.email),
        ...line('Phone', mail.phone),
        ...line('Role', mail.role),
        ...line('Setting', mail.setting),
        ...line('Format', mail.format),
        ...line('Number of staff', mail.staffCount),
        ...line('Preferred dates', mail.preferredDates.join(', ')),
        ...line('Location', mail.location),
        ...line('Message', mail.message),
      ],
      action: { label: 'Open the pipeline', url: mail.pipelineUrl },
      footer: `Beacon, run by ${context.providerName}.`,
    }),
};
