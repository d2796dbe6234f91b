import type { SessionUpdatedMail } from './session-invite-mail.types';
import { sessionUpdatedTemplate } from './session-updated.template';

const CONTEXT = { providerName: 'Beacon Training' };

const mail: SessionUpdatedMail = {
  recipientName: 'Sam <Seated>',
  organizationName: 'Mercy General',
  courseTitle: 'Hand Hygiene',
  startsAt: '2031-03-04T16:00:00.000Z',
  timeZone: 'America/Chicago',
  location: 'Room 3',
  url: 'http://beacon.test/learn',
  locale: 'en',
  invite: {
    sessionId: '3f0c2f4e-8d4b-4a57-9d1e-7f1c2b3a4d5e',
    host: 'beacon.test',
    sequence: 2,
    cancelled: false,
    startsAt: '2031-03-04T16:00:00.000Z',
    endsAt: '2031-03-04T18:00:00.000Z',
    timeZone: 'America/Chicago',
    courseTitle: 'Hand Hygiene',
    location: 'Room 3',
    description: 'Hand Hygiene',
    organizer: { name: 'Beacon Training', email: 'training@beacon.local' },
    attendees: [{ name: 'Sam', email: 'sam@example.test' }],
  },
};

describe('the live session update mail', () => {
  it("gives the new time in the session's zone and attaches the invite at its new SEQUENCE", () => {
    const rendered = sessionUpdatedTemplate.render(mail, { ...CONTEXT, locale: 'en' });
    expect(rendered.subject).toBe('Session changed: Hand Hygiene');
    expect(rendered.text).toMatch(/March 4, 2031.*10:00.*(CST|Central)/);
    expect(rendered.text).toContain('Where: Room 3.');
    expect(rendered.html).toContain('Sam &lt;Seated&gt;');
    expect(rendered.attachments).toHaveLength(1);
    const [attachment] = rendered.attachments ?? [];
    expect(attachment.contentType).toMatch(/^text\/calendar; method=REQUEST/);
    // Parsed back with ical.js in the e2e suite; here the lines that make it an update.
    expect(String(attachment.content)).toMatch(/^METHOD:REQUEST\r?$/m);
    expect(String(attachment.content)).toMatch(/^SEQUENCE:2\r?$/m);
  });

  it('speaks Spanish to a Spanish reader', () => {
    const rendered = sessionUpdatedTemplate.render({ ...mail, locale: 'es' }, { ...CONTEXT, locale: 'es' });
    expect(rendered.subject).toBe('Sesión modificada: Hand Hygiene');
    expect(rendered.text).toContain('marzo de 2031');
  });
});
