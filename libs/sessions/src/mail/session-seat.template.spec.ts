import type { SessionSeatMail } from './session-mail.types';
import { sessionSeatTemplate } from './session-seat.template';

const CONTEXT = { providerName: 'Beacon Training' };

const mail: SessionSeatMail = {
  recipientName: 'Wren <Waitlisted>',
  organizationName: 'Mercy General',
  courseTitle: 'Hand Hygiene',
  startsAt: '2031-03-04T15:00:00.000Z',
  timeZone: 'America/Chicago',
  location: 'Room 2',
  url: 'http://beacon.test/learn',
  locale: 'en',
};

describe('the live session seat mail', () => {
  it("says the seat is theirs, with the time in the session's zone", () => {
    const rendered = sessionSeatTemplate.render(mail, { ...CONTEXT, locale: 'en' });
    expect(rendered.subject).toBe('You have a seat: Hand Hygiene');
    expect(rendered.text).toContain('you are now registered');
    expect(rendered.text).toMatch(/March 4, 2031.*9:00.*(CST|Central)/);
    expect(rendered.text).toContain('Where: Room 2.');
    expect(rendered.html).toContain('Wren &lt;Waitlisted&gt;');
  });

  it('speaks Spanish to a Spanish reader', () => {
    const rendered = sessionSeatTemplate.render({ ...mail, locale: 'es' }, { ...CONTEXT, locale: 'es' });
    expect(rendered.subject).toBe('Tiene un lugar: Hand Hygiene');
    expect(rendered.text).toContain('marzo de 2031');
  });
});
