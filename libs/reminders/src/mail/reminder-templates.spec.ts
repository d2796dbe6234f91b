import { dueSoonTemplate, overdueTemplate } from './learner-reminder.template';
import { escalationTemplate } from './escalation.template';
import { mailLocaleOf, MailTemplate } from '@beacon/core/mail';
import type { LearnerReminderMail } from './reminder-mail.types';

/** As the renderer does: the payload's locale (English unless it is one Beacon writes) becomes the context's. */
function render<K extends 'due_soon' | 'overdue' | 'escalation'>(
  template: MailTemplate<K>,
  payload: Parameters<MailTemplate<K>['render']>[0],
) {
  return template.render(payload, { providerName: 'Beacon Training', locale: mailLocaleOf(payload) });
}
// The end of 9 March 2031 in Chicago is already 10 March in UTC.
const DUE = '2031-03-10T04:59:59.999Z';

const learner: LearnerReminderMail = {
  recipientName: 'Lee <Learner>',
  organizationName: 'Mercy General',
  courseTitle: 'Hand Hygiene',
  dueAt: DUE,
  timeZone: 'America/Chicago',
  locale: 'en',
  url: 'http://beacon.test/learn/enrollments/e1',
  enrollmentId: 'e1',
};

describe('reminder templates', () => {
  it('show the due date in the recipient zone, with the organization, course and deep link', () => {
    const mail = render(dueSoonTemplate, learner);
    expect(mail.subject).toBe('Reminder: "Hand Hygiene" is due March 9, 2031');
    expect(mail.text).toContain('Mercy General asks you to complete "Hand Hygiene" by March 9, 2031.');
    expect(mail.text).toContain('Continue the course: http://beacon.test/learn/enrollments/e1');
    expect(mail.html).toContain('Lee &lt;Learner&gt;');
    expect(mail.html).not.toContain('<Learner>');
  });

  it('speak Spanish to a recipient whose locale is es', () => {
    const soon = render(dueSoonTemplate, { ...learner, locale: 'es' });
    expect(soon.subject).toBe('Recordatorio: «Hand Hygiene» vence el 9 de marzo de 2031');
    expect(soon.text).toContain('Hola, Lee <Learner>:');
    expect(soon.text).toContain('en nombre de Mercy General');
    const late = render(overdueTemplate, { ...learner, locale: 'es' });
    expect(late.subject).toBe('Vencido: «Hand Hygiene» vencía el 9 de marzo de 2031');
    expect(late.text).toContain('Completar el curso: http://beacon.test/learn/enrollments/e1');
  });

  it('read an unknown locale as English', () => {
    const mail = render(overdueTemplate, { ...learner, locale: 'fr' as 'en' });
    expect(mail.subject).toBe('Overdue: "Hand Hygiene" was due March 9, 2031');
  });

  it('list every overdue report in one escalation digest, linking to the team view', () => {
    const reports = Array.from({ length: 3 }, (_, i) => ({
      name: `Report ${i + 1}`,
      courseTitle: 'Hand Hygiene',
      dueAt: DUE,
      daysOverdue: i + 1,
    }));
    const digest = {
      recipientName: 'Mia Manager',
      organizationName: 'Mercy General',
      timeZone: 'America/Chicago',
      locale: 'en' as const,
      url: 'http://beacon.test/team',
      recipientMembershipId: 'm1',
      reports,
    };
    const mail = render(escalationTemplate, digest);
    expect(mail.subject).toBe('3 people on your team are overdue on training at Mercy General');
    expect(mail.text).toContain('Report 1: Hand Hygiene, due March 9, 2031 (1 day overdue)');
    expect(mail.text).toContain('Report 3: Hand Hygiene, due March 9, 2031 (3 days overdue)');
    expect(mail.text).toContain('Open the team view: http://beacon.test/team');
    const spanish = render(escalationTemplate, { ...digest, locale: 'es', reports: reports.slice(0, 1) });
    expect(spanish.subject).toBe('1 persona de su equipo tiene formación vencida en Mercy General');
    expect(spanish.text).toContain('Report 1: Hand Hygiene, vencía el 9 de marzo de 2031 (1 día de retraso)');
  });
});
