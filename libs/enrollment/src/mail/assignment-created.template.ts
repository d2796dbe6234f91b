import { layout, MailTemplate, RenderedMail } from '@beacon/core/mail';

export interface AssignmentCreatedMail {
  recipientName: string;
  courseTitle: string;
  cohortName: string;
  /** ISO instant, or null when the assignment has no due date. */
  dueAt: string | null;
  url: string;
}

export function renderAssignmentCreated(mail: AssignmentCreatedMail, providerName: string): RenderedMail {
  const due = mail.dueAt ? `It is due by ${new Date(mail.dueAt).toUTCString()}.` : 'It has no due date.';
  return layout({
    subject: `New training assigned: ${mail.courseTitle}`,
    greeting: `Hello ${mail.recipientName},`,
    paragraphs: [
      `You have been assigned "${mail.courseTitle}" (${mail.cohortName}). ${due}`,
      'The course takes about an hour. You can stop and pick up where you left off; passing the assessment, and the evaluation where the course asks for one, gives you a certificate.',
    ],
    action: { label: 'Start the course', url: mail.url },
    footer: `Sent by Beacon, run by ${providerName}, on behalf of your organization.`,
  });
}

declare module '@beacon/core/mail' {
  interface MailKinds {
    assignment_created: AssignmentCreatedMail;
  }
}

export const assignmentCreatedTemplate: MailTemplate<'assignment_created'> = {
  kind: 'assignment_created',
  render: (mail, context) => renderAssignmentCreated(mail, context.providerName),
};
