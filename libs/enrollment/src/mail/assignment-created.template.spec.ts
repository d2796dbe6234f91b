import { assignmentCreatedTemplate, AssignmentCreatedMail } from './assignment-created.template';

const MAIL: AssignmentCreatedMail = {
  recipientName: 'Ana Ruiz',
  courseTitle: 'HT-101 Human Trafficking',
  cohortName: 'All nurses',
  dueAt: '2026-03-04T05:59:59.999Z',
  timeZone: 'America/Chicago',
  url: 'http://beacon.test/learn',
};

const render = (mail: AssignmentCreatedMail, locale: 'en' | 'es') =>
  assignmentCreatedTemplate.render(mail, { providerName: 'Beacon Training', locale });

describe('assignment mail', () => {
  it("gives the due date in English in the member's zone", () => {
    const mail = render(MAIL, 'en');
    expect(mail.subject).toBe('New training assigned: HT-101 Human Trafficking');
    expect(mail.text).toContain('It is due by Tuesday, March 3, 2026 at 11:59 PM CST.');
    expect(mail.text).toContain('Start the course: http://beacon.test/learn');
  });

  it("gives the due date in Spanish in the member's zone", () => {
    const mail = render(MAIL, 'es');
    expect(mail.subject).toBe('Nueva formación asignada: HT-101 Human Trafficking');
    expect(mail.text).toContain('Se le ha asignado «HT-101 Human Trafficking» (All nurses).');
    expect(mail.text).toContain('Debe completarla antes del martes, 3 de marzo de 2026, 23:59 GMT-6.');
    expect(mail.text).toContain('Empezar el curso: http://beacon.test/learn');
  });

  it('says when there is no due date, and shows UTC for payloads written without a zone', () => {
    expect(render({ ...MAIL, dueAt: null }, 'en').text).toContain('It has no due date.');
    expect(render({ ...MAIL, dueAt: null }, 'es').text).toContain('No tiene fecha límite.');
    expect(render({ ...MAIL, timeZone: undefined }, 'en').text).toContain(
      'Wednesday, March 4, 2026 at 5:59 AM UTC',
    );
  });
});
