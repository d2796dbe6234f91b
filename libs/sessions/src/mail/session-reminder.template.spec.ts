import { sessionReminderTemplate } from './session-reminder.template';
import type { SessionReminderMail } from './session-reminder.types';

const CONTEXT = { providerName: 'Beacon Training' };
const SESSION_ID = '4b6f1d2e-0000-4000-8000-000000000001';

const mail: SessionReminderMail = {
  recipientName: 'Rhea <Registered>',
  organizationName: 'Mercy General',
  courseTitle: 'Hand Hygiene',
  startsAt: '2031-03-04T15:00:00.000Z',
  timeZone: 'America/Chicago',
  location: 'Room 2',
  url: `http://beacon.test/sessions/${SESSION_ID}`,
  locale: 'en',
  sessionId: SESSION_ID,
  memberId: '4b6f1d2e-0000-4000-8000-000000000002',
  invite: {
    sessionId: SESSION_ID,
    host: 'beacon.test',
    sequence: 2,
    cancelled: false,
    startsAt: '2031-03-04T15:00:00.000Z',
    endsAt: '2031-03-04T17:00:00.000Z',
    timeZone: 'America/Chicago',
    courseTitle: 'Hand Hygiene',
    location: 'Room 2',
    description: 'Hand Hygiene',
    organizer: { name: 'Beacon Training', email: 'training@beacon.test' },
    attendees: [{ name: 'Rhea', email: 'rhea@example.test' }],
  },
};

describe('the live session reminder mail', () => {
  it("names the course, the time in the session's zone, the place and the session page, with the invite", () => {
    const rendered = sessionReminderTemplate.render(mail, { ...CONTEXT, locale: 'en' });
    expect(rendered.subject).toMatch(
      /^Reminder: live session of Hand Hygiene, Tuesday, March 4, 2031.*9:00.*(CST|Central)/,
    );
    expect(rendered.text).toContain('Where: Room 2.');
    expect(rendered.text).toContain(`Open the session: http://beacon.test/sessions/${SESSION_ID}`);
    expect(rendered.text).toContain('on behalf of Mercy General');
    expect(rendered.html).toContain('Rhea &lt;Registered&gt;');
    expect(rendered.html).not.toContain('<Registered>');
    expect(rendered.attachments).toEqual([
      {
        filename: 'session.ics',
        contentType: 'text/calendar; method=REQUEST; charset=utf-8',
        content: expect.stringMatching(
          /UID:4b6f1d2e-0000-4000-8000-000000000001@beacon\.test[\s\S]*SEQUENCE:2/,
        ),
      },
    ]);
  });

  it('speaks Spanish to a Spanish reader', () => {
    const rendered = sessionReminderTemplate.render({ ...mail, locale: 'es' }, { ...CONTEXT, locale: 'es' });
    expect(rendered.subject).toMatch(/^Recordatorio: sesión presencial de Hand Hygiene, .*marzo de 2031/);
    expect(rendered.text).toContain('Hola, Rhea <Registered>:');
    expect(rendered.text).toContain('Dónde: Room 2.');
    expect(rendered.text).toContain(`Abrir la sesión: http://beacon.test/sessions/${SESSION_ID}`);
    expect(rendered.attachments).toHaveLength(1);
  });
});
