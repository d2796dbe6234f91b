import type { SessionRegisteredMail } from './session-invite-mail.types';
import { sessionRegisteredTemplate } from './session-registered.template';

const CONTEXT = { providerName: 'Beacon Training' };

const mail: SessionRegisteredMail = {
  recipientName: 'Rhea <Registered>',
  organizationName: 'Mercy General',
  courseTitle: 'Hand Hygiene',
  startsAt: '2031-03-04T15:00:00.000Z',
  timeZone: 'America/Chicago',
  location: 'Room 2',
  url: 'http://beacon.test/learn',
  locale: 'en',
  status: 'registered',
  invite: {
    sessionId: '4b6f1d2e-0000-4000-8000-000000000001',
    host: 'beacon.test',
    sequence: 0,
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

describe('the live session registration mail', () => {
  it("confirms the seat, with the time in the session's zone and the invite attached", () => {
    const rendered = sessionRegisteredTemplate.render(mail, { ...CONTEXT, locale: 'en' });
    expect(rendered.subject).toBe('You are registered: Hand Hygiene');
    expect(rendered.text).toMatch(/March 4, 2031.*9:00.*(CST|Central)/);
    expect(rendered.html).toContain('Rhea &lt;Registered&gt;');
    expect(rendered.attachments).toEqual([
      {
        filename: 'session.ics',
        contentType: 'text/calendar; method=REQUEST; charset=utf-8',
        content: expect.stringContaining('UID:4b6f1d2e-0000-4000-8000-000000000001@beacon.test'),
      },
    ]);
  });

  it('tells a waitlisted reader so, in Spanish, with nothing attached', () => {
    const rendered = sessionRegisteredTemplate.render(
      { ...mail, status: 'waitlisted', invite: undefined, locale: 'es' },
      { ...CONTEXT, locale: 'es' },
    );
    expect(rendered.subject).toBe('En lista de espera: Hand Hygiene');
    expect(rendered.text).toContain('marzo de 2031');
    expect(rendered.attachments).toEqual([]);
  });
});
