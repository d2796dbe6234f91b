import { layout, RenderedMail } from './layout';

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
      'The course takes about an hour. You can stop and pick up where you left off; passing the assessment gives you a CE certificate.',
    ],
    action: { label: 'Start the course', url: mail.url },
    footer: `Sent by Beacon, run by ${providerName}, on behalf of your organization.`,
  });
}
