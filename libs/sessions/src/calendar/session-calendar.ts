import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import { vtimezone } from './vtimezone';

// ical-generator writes a TZID'd time through Day.js's zone conversion (a native Date would be read in the
// process's own zone).
dayjs.extend(utc);
dayjs.extend(timezone);

export interface CalendarPerson {
  name: string;
  email: string;
}

/** What an invite says about a session; the same for the download and the mail. */
export interface SessionInvite {
  sessionId: string;
  /** The host of PUBLIC_URL: the UID is `<sessionId>@<host>`, the same in every copy of the invite. */
  host: string;
  sequence: number;
  cancelled: boolean;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  courseTitle: string;
  location: string;
  description: string;
  organizer: CalendarPerson;
  attendees: CalendarPerson[];
}

export const sessionUid = (invite: Pick<SessionInvite, 'sessionId' | 'host'>): string =>
  `${invite.sessionId}@${invite.host}`;

/**
 * The session as an iTIP invite (RFC 5546): METHOD:REQUEST while it is on, METHOD:CANCEL with STATUS:CANCELLED
 * once cancelled, and the SEQUENCE the session carries, so a calendar applies a later copy over an earlier one.
 */
export function sessionCalendar(invite: SessionInvite): string {
  const calendar = ical({
    prodId: { company: 'Beacon', product: 'Live sessions', language: 'EN' },
    method: invite.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    timezone: { name: invite.timeZone, generator: (zone) => vtimezone(zone, new Date(invite.startsAt)) },
  });
  const event = calendar.createEvent({
    id: sessionUid(invite),
    sequence: invite.sequence,
    start: dayjs(invite.startsAt),
    end: dayjs(invite.endsAt),
    timezone: invite.timeZone,
    stamp: new Date(),
    summary: invite.courseTitle,
    location: invite.location,
    description: invite.description,
    status: invite.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: invite.organizer.name, email: invite.organizer.email },
  });
  for (const attendee of invite.attendees)
    event.createAttendee({
      name: attendee.name,
      email: attendee.email,
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
      rsvp: false,
    });
  return calendar.toString();
}
