import { ClaimedNotificationRow, SendTimeChecks } from '@beacon/notifications';
import { ReminderCheckRepository, SessionSeatState } from './reminder-check.repository';
import { ReminderSendChecks } from './reminder-send-checks';

const STARTS = '2031-03-04T15:00:00.000Z';
const BEFORE = new Date('2031-03-03T15:30:00.000Z');

function claimed(state: SessionSeatState | null): ClaimedNotificationRow {
  return {
    id: 'n1',
    organization_id: 'o1',
    kind: 'live_session_reminder',
    recipient_email: 'rhea@example.test',
    status: 'sending',
    dedupe_key: `live-session-reminder:s1:m1:${STARTS}`,
    payload: { sessionId: 's1', memberId: 'm1', startsAt: STARTS },
    attempts: 1,
    message_id: '<n1@beacon.notification>',
    created_at: BEFORE,
    send_after: null,
    sent_at: null,
    last_error: null,
    check_state: state,
  };
}

describe('the send-time check of a live session reminder', () => {
  const checks = new ReminderSendChecks(new SendTimeChecks(), new ReminderCheckRepository());
  const decide = (state: SessionSeatState | null, now = BEFORE) =>
    checks.sessionReminder(claimed(state), now);
  // The claim returns timestamps in json as PostgreSQL writes them, with an offset.
  const scheduled: SessionSeatState = {
    status: 'scheduled',
    starts_at: '2031-03-04T15:00:00+00:00',
    seated: true,
  };

  it('sends while the seat is held and the session is still scheduled at the same start', () => {
    expect(decide(scheduled)).toEqual({ send: true });
  });

  it('cancels for a session cancelled, or gone from view, or another status than scheduled', () => {
    expect(decide({ ...scheduled, status: 'cancelled' })).toMatchObject({ send: false });
    expect(decide({ ...scheduled, status: 'draft' })).toMatchObject({ send: false });
    expect(decide(null)).toMatchObject({ send: false });
  });

  it('cancels for a seat given up, waitlisted again or a member deactivated', () => {
    expect(decide({ ...scheduled, seated: false })).toEqual({
      send: false,
      reason: 'the member holds no seat',
    });
  });

  it('cancels for a moved session, whose new start the sweep reminds on its own', () => {
    expect(decide({ ...scheduled, starts_at: '2031-03-04T18:00:00+00:00' })).toEqual({
      send: false,
      reason: 'the session was moved',
    });
  });

  it('never sends at or after the start', () => {
    expect(decide(scheduled, new Date(STARTS))).toEqual({ send: false, reason: 'the session has started' });
  });
});
