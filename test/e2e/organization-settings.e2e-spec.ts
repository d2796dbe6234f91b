import type { Response } from 'supertest';
import { DomainEvents } from '@beacon/core/events';
import type { ReminderScheduleChangedEvent } from '@beacon/organizations';
import { createSite } from '../support/learning';
import { bearer, Session, TestApp, TestOrganization } from '../support/test-app';

// The project-level testTimeout in jest.config.js does not reach hooks and tests under Jest 30: set it here.
jest.setTimeout(30_000);

const DEFAULT_WINDOW = { start: '08:00', end: '20:00', days: [1, 2, 3, 4, 5, 6, 7] };

function expectFields(res: Response, fields: string[]): void {
  expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status: 400 });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect((res.body.errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual(
    [...fields].sort(),
  );
}

describe('organization settings', () => {
  let world: TestApp;
  let org: TestOrganization;
  let other: TestOrganization;
  let educator: Session;
  let manager: Session;
  let learner: Session;
  const published: ReminderScheduleChangedEvent[] = [];

  beforeAll(async () => {
    world = await TestApp.start();
    org = await world.createOrganization('Settings Health');
    other = await world.createOrganization('Elsewhere Health');
    educator = (await world.addMember(org, ['educator'])).session;
    manager = (await world.addMember(org, ['manager'])).session;
    learner = (await world.addMember(org, ['learner'])).session;
    // Subscribed as the reminder engine is: in-process, run inside the publisher's transaction.
    world.app.get(DomainEvents).subscribe('reminder-schedule.changed', async (event) => {
      published.push(event);
    });
  });

  afterAll(async () => {
    await world?.stop();
  });

  beforeEach(() => {
    published.length = 0;
  });

  const get = (session: Session) =>
    world
      .http()
      .get('/api/v1/organization')
      .set(...bearer(session));
  const patch = (session: Session, body: unknown) =>
    world
      .http()
      .patch('/api/v1/organization')
      .set(...bearer(session))
      .send(body as object);

  /** Puts the organization back to its defaults (owner SQL: no event, no audit), so each test starts alike. */
  async function reset(organization: TestOrganization, name: string): Promise<void> {
    await world.ownerQuery(
      `UPDATE organizations SET name = $2, timezone = 'America/Chicago', idle_sign_out_minutes = 15,
              reminder_window = '{"start": "08:00", "end": "20:00", "days": [1, 2, 3, 4, 5, 6, 7]}'
        WHERE id = $1`,
      [organization.id, name],
    );
  }

  beforeEach(async () => {
    await reset(org, 'Settings Health');
  });

  describe('GET /organization', () => {
    it('answers the bound organization with its defaults: window 08:00–20:00 every day, idle sign-out 15 minutes', async () => {
      const res = await get(org.admin).expect(200);
      expect(res.body).toEqual({
        id: org.id,
        name: 'Settings Health',
        slug: expect.stringMatching(/^settings-health-[0-9a-f]{6}$/),
        timezone: 'America/Chicago',
        reminderWindow: DEFAULT_WINDOW,
        idleSignOutMinutes: 15,
      });
    });

    it.each([
      ['educator', () => educator],
      ['manager', () => manager],
      ['learner', () => learner],
    ])('lets a %s read it (every member may)', async (_role, session) => {
      const admin = await get(org.admin).expect(200);
      const res = await get(session()).expect(200);
      expect(res.body).toEqual(admin.body);
    });

    it("answers another organization's token with that organization only", async () => {
      const res = await get(other.admin).expect(200);
      expect(res.body).toMatchObject({ id: other.id, name: 'Elsewhere Health' });
      await patch(org.admin, { name: 'Settings Health Renamed' }).expect(200);
      expect((await get(other.admin).expect(200)).body.name).toBe('Elsewhere Health');
      await patch(other.admin, { idleSignOutMinutes: 60 }).expect(200);
      expect((await get(org.admin).expect(200)).body.idleSignOutMinutes).toBe(15);
      await patch(other.admin, { idleSignOutMinutes: 15 }).expect(200);
    });

    it('refuses a session bound to no organization (platform staff) and an anonymous caller', async () => {
      const platform = await world.platformAdmin();
      expect((await get(platform)).status).toBe(403);
      expect((await world.http().get('/api/v1/organization')).status).toBe(401);
    });
  });

  describe('PATCH /organization', () => {
    it('changes the name (trimmed) and answers with the GET shape', async () => {
      const res = await patch(org.admin, { name: '  St. Mary Health  ' }).expect(200);
      expect(res.body).toEqual({ ...(await get(org.admin).expect(200)).body, name: 'St. Mary Health' });
      expect(Object.keys(res.body).sort()).toEqual(
        ['id', 'idleSignOutMinutes', 'name', 'reminderWindow', 'slug', 'timezone'].sort(),
      );
    });

    it('changes the time zone', async () => {
      const res = await patch(org.admin, { timezone: 'Europe/Madrid' }).expect(200);
      expect(res.body.timezone).toBe('Europe/Madrid');
      expect((await get(learner).expect(200)).body.timezone).toBe('Europe/Madrid');
    });

    it('changes the reminder window, storing the weekdays sorted', async () => {
      const res = await patch(org.admin, {
        reminderWindow: { start: '07:30', end: '18:00', days: [5, 1, 3] },
      }).expect(200);
      expect(res.body.reminderWindow).toEqual({ start: '07:30', end: '18:00', days: [1, 3, 5] });
      expect((await get(manager).expect(200)).body.reminderWindow).toEqual({
        start: '07:30',
        end: '18:00',
        days: [1, 3, 5],
      });
    });

    it('clears the window with null (reminders at any time) and sets one again', async () => {
      expect((await patch(org.admin, { reminderWindow: null }).expect(200)).body.reminderWindow).toBeNull();
      expect((await get(org.admin).expect(200)).body.reminderWindow).toBeNull();
      const [row] = await world.ownerQuery<{ reminder_window: unknown }>(
        'SELECT reminder_window FROM organizations WHERE id = $1',
        [org.id],
      );
      expect(row.reminder_window).toBeNull();
      const again = await patch(org.admin, {
        reminderWindow: { start: '00:00', end: '23:59', days: [7] },
      }).expect(200);
      expect(again.body.reminderWindow).toEqual({ start: '00:00', end: '23:59', days: [7] });
    });

    it('changes the idle sign-out, from 1 minute to a day', async () => {
      expect((await patch(org.admin, { idleSignOutMinutes: 1 }).expect(200)).body.idleSignOutMinutes).toBe(1);
      expect((await patch(org.admin, { idleSignOutMinutes: 1440 }).expect(200)).body.idleSignOutMinutes).toBe(
        1440,
      );
      expect((await get(learner).expect(200)).body.idleSignOutMinutes).toBe(1440);
    });

    it('changes several fields at once, and an empty body changes nothing', async () => {
      const before = (await get(org.admin).expect(200)).body;
      expect((await patch(org.admin, {}).expect(200)).body).toEqual(before);
      const res = await patch(org.admin, {
        name: 'Both Health',
        timezone: 'America/Denver',
        reminderWindow: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] },
        idleSignOutMinutes: 30,
      }).expect(200);
      expect(res.body).toEqual({
        ...before,
        name: 'Both Health',
        timezone: 'America/Denver',
        reminderWindow: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] },
        idleSignOutMinutes: 30,
      });
    });

    it.each([
      ['name empty after trimming', { name: '   ' }, ['name']],
      ['name too long', { name: 'x'.repeat(201) }, ['name']],
      ['name null', { name: null }, ['name']],
      ['name not a string', { name: 42 }, ['name']],
      ['timezone unknown', { timezone: 'Mars/Olympus_Mons' }, ['timezone']],
      ['timezone null', { timezone: null }, ['timezone']],
      ['timezone wrong case', { timezone: 'america/chicago' }, ['timezone']],
      ['window not an object', { reminderWindow: '08:00-20:00' }, ['reminderWindow']],
      ['window an array', { reminderWindow: [] }, ['reminderWindow']],
      ['window start missing', { reminderWindow: { end: '20:00', days: [1] } }, ['reminderWindow.start']],
      [
        'window start not HH:MM',
        { reminderWindow: { start: '8:00', end: '20:00', days: [1] } },
        ['reminderWindow.start'],
      ],
      [
        'window start 24:00',
        { reminderWindow: { start: '24:00', end: '23:00', days: [1] } },
        ['reminderWindow.start'],
      ],
      [
        'window end 24:00',
        { reminderWindow: { start: '08:00', end: '24:00', days: [1] } },
        ['reminderWindow.end'],
      ],
      [
        'window end 20:60',
        { reminderWindow: { start: '08:00', end: '20:60', days: [1] } },
        ['reminderWindow.end'],
      ],
      [
        'window end equal to start',
        { reminderWindow: { start: '08:00', end: '08:00', days: [1] } },
        ['reminderWindow.end'],
      ],
      [
        'window end before start',
        { reminderWindow: { start: '20:00', end: '08:00', days: [1] } },
        ['reminderWindow.end'],
      ],
      ['window days missing', { reminderWindow: { start: '08:00', end: '20:00' } }, ['reminderWindow.days']],
      [
        'window days empty',
        { reminderWindow: { start: '08:00', end: '20:00', days: [] } },
        ['reminderWindow.days'],
      ],
      [
        'window days repeated',
        { reminderWindow: { start: '08:00', end: '20:00', days: [1, 1] } },
        ['reminderWindow.days'],
      ],
      [
        'window day 0',
        { reminderWindow: { start: '08:00', end: '20:00', days: [0, 1] } },
        ['reminderWindow.days'],
      ],
      [
        'window day 8',
        { reminderWindow: { start: '08:00', end: '20:00', days: [8] } },
        ['reminderWindow.days'],
      ],
      [
        'window day fractional',
        { reminderWindow: { start: '08:00', end: '20:00', days: [1.5] } },
        ['reminderWindow.days'],
      ],
      [
        'window day a string',
        { reminderWindow: { start: '08:00', end: '20:00', days: ['1'] } },
        ['reminderWindow.days'],
      ],
      [
        'window days not a list',
        { reminderWindow: { start: '08:00', end: '20:00', days: 1 } },
        ['reminderWindow.days'],
      ],
      [
        'window with an unknown field',
        { reminderWindow: { ...DEFAULT_WINDOW, timezone: 'UTC' } },
        ['reminderWindow.timezone'],
      ],
      ['idle sign-out 0', { idleSignOutMinutes: 0 }, ['idleSignOutMinutes']],
      ['idle sign-out above a day', { idleSignOutMinutes: 1441 }, ['idleSignOutMinutes']],
      ['idle sign-out fractional', { idleSignOutMinutes: 2.5 }, ['idleSignOutMinutes']],
      ['idle sign-out a string', { idleSignOutMinutes: '15' }, ['idleSignOutMinutes']],
      ['idle sign-out null', { idleSignOutMinutes: null }, ['idleSignOutMinutes']],
      ['an unknown field', { slug: 'new-slug' }, ['slug']],
      [
        'every field bad at once',
        {
          name: '',
          timezone: 'Nowhere',
          reminderWindow: { start: 'x', end: 'y', days: [] },
          idleSignOutMinutes: -1,
        },
        [
          'name',
          'timezone',
          'reminderWindow.start',
          'reminderWindow.end',
          'reminderWindow.days',
          'idleSignOutMinutes',
        ],
      ],
    ])('refuses %s with a 400 naming the field, changing nothing', async (_case, body, fields) => {
      const before = (await get(org.admin).expect(200)).body;
      expectFields(await patch(org.admin, body), fields);
      expect((await get(org.admin).expect(200)).body).toEqual(before);
      expect(published).toEqual([]);
    });

    it('refuses a body that is not an object', async () => {
      expectFields(await patch(org.admin, [{ name: 'Array' }]), ['body']);
    });

    it.each([
      ['educator', () => educator],
      ['manager', () => manager],
      ['learner', () => learner],
    ])('refuses a %s with 403 and changes nothing', async (_role, session) => {
      const res = await patch(session(), { name: 'Taken Over', reminderWindow: null });
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect((await get(org.admin).expect(200)).body).toMatchObject({
        name: 'Settings Health',
        reminderWindow: DEFAULT_WINDOW,
      });
    });

    it('records organization.updated with what changed, and nothing for a PATCH that changes nothing', async () => {
      await patch(org.admin, {
        name: 'Audited Health',
        reminderWindow: { start: '09:00', end: '17:00', days: [2, 1] },
        idleSignOutMinutes: 20,
      }).expect(200);
      await patch(org.admin, { name: 'Audited Health', idleSignOutMinutes: 20 }).expect(200);
      const audit = await world
        .http()
        .get(`/api/v1/audit-events?entityType=organization&entityId=${org.id}&limit=200`)
        .set(...bearer(org.admin))
        .expect(200);
      const updates = (audit.body.items as Array<Record<string, unknown>>).filter(
        (e) =>
          e.action === 'organization.updated' &&
          (e.changes as Record<string, { to: unknown }>).name?.to === 'Audited Health',
      );
      expect(updates).toHaveLength(1);
      expect(updates[0]).toMatchObject({
        actorType: 'member',
        actorId: expect.any(String),
        entityType: 'organization',
        entityId: org.id,
        changes: {
          name: { from: 'Settings Health', to: 'Audited Health' },
          reminderWindow: { from: DEFAULT_WINDOW, to: { start: '09:00', end: '17:00', days: [1, 2] } },
          idleSignOutMinutes: { from: 15, to: 20 },
        },
      });
      expect(Object.keys(updates[0].changes as object).sort()).toEqual([
        'idleSignOutMinutes',
        'name',
        'reminderWindow',
      ]);
    });
  });

  describe('reminder-schedule.changed', () => {
    it('is published once when the window changes, and when it is cleared', async () => {
      await patch(org.admin, { reminderWindow: { start: '10:00', end: '16:00', days: [1, 2, 3] } }).expect(
        200,
      );
      expect(published).toEqual([{ type: 'reminder-schedule.changed', organizationId: org.id }]);
      await patch(org.admin, { reminderWindow: null }).expect(200);
      expect(published).toHaveLength(2);
    });

    it('is published when the time zone changes', async () => {
      await patch(org.admin, { timezone: 'Pacific/Honolulu' }).expect(200);
      expect(published).toEqual([{ type: 'reminder-schedule.changed', organizationId: org.id }]);
    });

    it('is not published for the name or the idle sign-out, nor for a window or zone set to what it is', async () => {
      await patch(org.admin, { name: 'Quiet Health', idleSignOutMinutes: 45 }).expect(200);
      await patch(org.admin, {
        timezone: 'America/Chicago',
        reminderWindow: { ...DEFAULT_WINDOW, days: [7, 6, 5, 4, 3, 2, 1] },
      }).expect(200);
      expect(published).toEqual([]);
    });

    it('is published in the same transaction: a subscriber that fails undoes the change', async () => {
      const events = world.app.get(DomainEvents);
      let failing = true;
      events.subscribe('reminder-schedule.changed', async () => {
        if (failing) throw new Error('the engine could not re-time held reminders');
      });
      try {
        const res = await patch(org.admin, { reminderWindow: null });
        expect(res.status).toBe(500);
        expect((await get(org.admin).expect(200)).body.reminderWindow).toEqual(DEFAULT_WINDOW);
      } finally {
        failing = false;
      }
    });

    it("is published when a site's time zone changes, and not for its other fields", async () => {
      const siteId = await createSite(world, org.admin, 'Night Clinic');
      const patchSite = (body: object) =>
        world
          .http()
          .patch(`/api/v1/sites/${siteId}`)
          .set(...bearer(org.admin))
          .send(body);
      await patchSite({ name: 'Night Clinic East' }).expect(200);
      expect(published).toEqual([]);
      await patchSite({ timezone: 'America/New_York' }).expect(200);
      expect(published).toEqual([{ type: 'reminder-schedule.changed', organizationId: org.id }]);
      await patchSite({ timezone: null }).expect(200);
      expect(published).toHaveLength(2);
    });

    it('is published for the organization that changed only', async () => {
      await patch(other.admin, { timezone: 'Europe/Lisbon' }).expect(200);
      expect(published).toEqual([{ type: 'reminder-schedule.changed', organizationId: other.id }]);
    });
  });
});
