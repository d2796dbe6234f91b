import { MailKind, MailKinds, MailRenderer, UnknownMailKindError } from '@beacon/core/mail';
import { TestApp } from '../support/test-app';

jest.setTimeout(60_000);

/** One payload per declared kind: the record type fails to compile when a feature declares a kind not listed here. */
const SAMPLES: { [K in MailKind]: MailKinds[K] } = {
  invitation: {
    recipientName: 'Ines Invited',
    organizationName: 'Mercy General',
    inviteUrl: 'http://beacon.test/invite?token=sample',
    expiresAt: '2030-01-01T00:00:00.000Z',
    existingAccount: false,
  },
  password_reset: {
    recipientName: 'Rita Reset',
    resetUrl: 'http://beacon.test/reset?token=sample',
    expiresAt: '2030-01-01T00:00:00.000Z',
  },
  assignment_created: {
    recipientName: 'Lee Learner',
    courseTitle: 'Hand Hygiene',
    cohortName: 'All nurses',
    dueAt: null,
    url: 'http://beacon.test/enrollments/1',
  },
  certificate_issued: {
    recipientName: 'Lee Learner',
    courseTitle: 'Hand Hygiene',
    number: 'BCN-0001',
    creditHours: 1,
    verifyUrl: 'http://beacon.test/verify/abc',
  },
  due_soon: {
    recipientName: 'Lee Learner',
    organizationName: 'Mercy General',
    courseTitle: 'Hand Hygiene',
    dueAt: '2030-01-01T05:59:59.999Z',
    timeZone: 'America/Chicago',
    locale: 'en',
    url: 'http://beacon.test/learn/enrollments/1',
    enrollmentId: '00000000-0000-4000-8000-000000000001',
  },
  overdue: {
    recipientName: 'Lee Learner',
    organizationName: 'Mercy General',
    courseTitle: 'Hand Hygiene',
    dueAt: '2030-01-01T05:59:59.999Z',
    timeZone: 'America/Chicago',
    locale: 'es',
    url: 'http://beacon.test/learn/enrollments/1',
    enrollmentId: '00000000-0000-4000-8000-000000000001',
  },
  escalation: {
    recipientName: 'Mia Manager',
    organizationName: 'Mercy General',
    timeZone: 'America/Chicago',
    locale: 'en',
    url: 'http://beacon.test/team',
    recipientMembershipId: '00000000-0000-4000-8000-000000000002',
    reports: [
      {
        name: 'Lee Learner',
        courseTitle: 'Hand Hygiene',
        dueAt: '2030-01-01T05:59:59.999Z',
        daysOverdue: 15,
      },
    ],
  },
  report_schedule: {
    recipientName: 'Edna Educator',
    organizationName: 'Mercy General',
    reportType: 'certificates',
    frequency: 'weekly',
    periodStart: '2030-01-07',
    outcome: 'ready',
    url: 'http://beacon.test/reports?id=00000000-0000-4000-8000-000000000003',
    locale: 'es',
  },
  live_session_seat: {
    recipientName: 'Wren Waitlisted',
    organizationName: 'Mercy General',
    courseTitle: 'Hand Hygiene',
    startsAt: '2030-01-07T15:00:00.000Z',
    timeZone: 'America/Chicago',
    location: 'Education room 2',
    url: 'http://beacon.test/learn',
    locale: 'en',
  },
  training_request_ack: { reference: 'TR-2030-000001', locale: 'es' },
  training_request_notice: {
    reference: 'TR-2030-000001',
    organizationName: 'Mercy General',
    contactName: 'Carla Contact',
    email: 'carla@mercy.test',
    phone: null,
    role: null,
    setting: 'emergency_department',
    staffCount: 40,
    preferredDates: ['2030-02-01'],
    location: 'Austin, TX',
    format: 'onsite',
    message: 'Two groups, please.',
    pipelineUrl: 'http://beacon.test/platform/training-requests/1',
  },
  training_request_assigned: {
    recipientName: 'Fay Facilitator',
    reference: 'TR-2030-000001',
    organizationName: 'Mercy General',
    requestUrl: 'http://beacon.test/platform/training-requests/1',
    locale: 'en',
  },
  live_session_registered: {
    recipientName: 'Rhea Registered',
    organizationName: 'Mercy General',
    courseTitle: 'Hand Hygiene',
    startsAt: '2030-01-07T15:00:00.000Z',
    timeZone: 'America/Chicago',
    location: 'Education room 2',
    url: 'http://beacon.test/learn',
    locale: 'en',
    status: 'waitlisted',
  },
  live_session_cancelled: {
    recipientName: 'Cal Cancelled',
    organizationName: 'Mercy General',
    courseTitle: 'Hand Hygiene',
    startsAt: '2030-01-07T15:00:00.000Z',
    timeZone: 'America/Chicago',
    location: 'Education room 2',
    url: 'http://beacon.test/learn',
    locale: 'en',
  },
  live_session_updated: {
    recipientName: 'Uri Updated',
    organizationName: 'Mercy General',
    courseTitle: 'Hand Hygiene',
    startsAt: '2030-01-08T15:00:00.000Z',
    timeZone: 'America/Chicago',
    location: 'Education room 3',
    url: 'http://beacon.test/learn',
    locale: 'en',
  },
  live_session_reminder: {
    recipientName: 'Rory Reminded',
    organizationName: 'Mercy General',
    courseTitle: 'Hand Hygiene',
    startsAt: '2030-01-07T15:00:00.000Z',
    timeZone: 'America/Chicago',
    location: 'Education room 2',
    url: 'http://beacon.test/sessions/00000000-0000-4000-8000-000000000004',
    locale: 'es',
    sessionId: '00000000-0000-4000-8000-000000000004',
    memberId: '00000000-0000-4000-8000-000000000005',
  },
};

describe('mail kinds', () => {
  let world: TestApp;

  beforeAll(async () => {
    world = await TestApp.start();
  });

  afterAll(async () => {
    await world?.stop();
  });

  it('are all registered in the worker, which renders them, and in the api, which enqueues them', () => {
    const kinds = Object.keys(SAMPLES).sort();
    expect(world.worker?.get(MailRenderer).kinds()).toEqual(kinds);
    expect(world.app.get(MailRenderer).kinds()).toEqual(kinds);
  });

  it.each(Object.keys(SAMPLES) as MailKind[])('renders %s in the worker', (kind) => {
    const mail = world.worker?.get(MailRenderer).render(kind, SAMPLES[kind]);
    expect(mail?.subject).not.toBe('');
    const sample: MailKinds[MailKind] = SAMPLES[kind];
    // The requester's acknowledgement names no one (none of the submitted text): its reference is what it carries.
    expect(mail?.text).toContain('recipientName' in sample ? sample.recipientName : sample.reference);
    expect(mail?.html).toContain('<html>');
  });

  it('refuses a kind no feature registered', () => {
    expect(() => world.worker?.get(MailRenderer).render('no_such_kind', {})).toThrow(UnknownMailKindError);
  });
});
