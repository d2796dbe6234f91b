import { sessionCalendar, SessionInvite } from './session-calendar';
import { vtimezone } from './vtimezone';

// ical.js is an ES module; Jest loads its CommonJS build (its "require" export), typed as the module.
type IcalModule = typeof import('ical.js', { with: { 'resolution-mode': 'import' } });
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the CommonJS build of an ES module, see above
const ICAL = require('ical.js') as IcalModule['default'];

const invite: SessionInvite = {
  sessionId: '4b6f1d2e-0000-4000-8000-000000000001',
  host: 'beacon.test',
  sequence: 0,
  cancelled: false,
  startsAt: '2031-03-04T15:00:00.000Z',
  endsAt: '2031-03-04T17:00:00.000Z',
  timeZone: 'America/Chicago',
  courseTitle: 'Hand Hygiene',
  location: 'Room 2, East; "wing"\nsecond floor',
  description: 'Bring your badge.',
  organizer: { name: 'Beacon Training', email: 'training@beacon.test' },
  attendees: [{ name: 'Wren, Ada', email: 'wren@example.test' }],
};

const eventOf = (text: string) => {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { calendar, event: new ICAL.Event(calendar.getFirstSubcomponent('vevent')!) };
};

describe('a live session as a calendar invite', () => {
  it('reads back, through a real parser, as the session in its own zone', () => {
    const { calendar, event } = eventOf(sessionCalendar(invite));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.uid).toBe(`${invite.sessionId}@beacon.test`);
    expect(event.sequence).toBe(0);
    expect(event.location).toBe(invite.location);
    const start = calendar.getFirstSubcomponent('vevent')!.getFirstProperty('dtstart')!;
    expect(start.getParameter('tzid')).toBe('America/Chicago');
    expect(event.startDate.toString()).toBe('2031-03-04T09:00:00');
    expect(calendar.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).toBe('America/Chicago');
    // The VTIMEZONE alone gives the instant: ical.js knows no zone it is not given.
    const zone = new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!);
    expect(event.startDate.toUnixTime()).toBe(Date.parse(invite.startsAt) / 1000);
    expect(zone.tzid).toBe('America/Chicago');
    expect(String(event.organizer)).toBe('mailto:training@beacon.test');
    expect(event.attendees.map((a) => a.getParameter('cn'))).toEqual(['Wren, Ada']);
  });

  it('cancels with METHOD:CANCEL, STATUS:CANCELLED and the raised SEQUENCE', () => {
    const { calendar, event } = eventOf(sessionCalendar({ ...invite, cancelled: true, sequence: 1 }));
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(event.sequence).toBe(1);
    expect(event.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });
});

describe('the VTIMEZONE built from Intl', () => {
  it("gives each instant of the three years around the session the zone's own offset", () => {
    const text = vtimezone('Europe/Madrid', new Date('2031-07-01T00:00:00Z'));
    const calendar = new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\n${text}END:VCALENDAR`));
    const zone = new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!);
    // Either side of a change (ical.js itself misplaces the first hour after one, whatever the VTIMEZONE).
    const wallClock = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Madrid',
      dateStyle: 'short',
      timeStyle: 'medium',
    });
    const instants = [
      '2030-02-01T12:00:00Z',
      '2031-03-29T12:00:00Z',
      '2031-03-30T12:00:00Z',
      '2032-10-30T12:00:00Z',
      '2032-10-31T12:00:00Z',
    ];
    for (const iso of instants) {
      const local = ICAL.Time.fromJSDate(new Date(iso), true).convertToZone(zone);
      expect(local.toString().replace('T', ' ')).toBe(wallClock.format(new Date(iso)));
    }
  });

  it('writes a single observance for a zone without daylight time', () => {
    const text = vtimezone('Asia/Tokyo', new Date('2031-07-01T00:00:00Z'));
    expect(text.match(/BEGIN:STANDARD/g)).toHaveLength(1);
    expect(text).toContain('TZOFFSETTO:+0900');
    expect(text).not.toContain('DAYLIGHT');
  });
});
