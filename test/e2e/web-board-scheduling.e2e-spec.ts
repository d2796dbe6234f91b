import type { Browser, Page } from 'playwright-core';
import {
  checkPage,
  expectNoAxeViolations,
  expectNoScriptErrors,
  launchBrowser,
  newPage,
  signIn,
  startWebApp,
} from '../support/browser';
import { createSite, findHt101 } from '../support/learning';
import { bearer, PLATFORM_ADMIN, TestApp, TestOrganization } from '../support/test-app';
import { until } from '../support/waiting';

// A browser path runs ~3x slower beside two other suites on 2 cores than alone.
jest.setTimeout(360_000);

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** A field's input by its label, a required one's asterisk aside (a Mantine select's listbox shares the name). */
function control(page: Page, label: string) {
  return page.getByLabel(new RegExp(`^${label}( \\*)?$`)).and(page.locator('input'));
}

async function openFromNavigation(page: Page, link: string, heading: string): Promise<void> {
  // At 1280 px the navigation is always shown.
  await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** The wall-clock time (HH:MM) of an instant in the organizations' zone, as a time input takes it. */
function chicagoTime(instant: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'America/Chicago',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
}

/** An instant's clock time in the organizations' zone as the session page writes it (`9:00 AM`), spaces plain. */
function chicagoClock(instant: string): string {
  return plainSpaces(
    new Intl.DateTimeFormat('en', {
      timeZone: 'America/Chicago',
      hour: 'numeric',
      minute: '2-digit',
    }).format(new Date(instant)),
  );
}

/** ICU puts a narrow no-break space before AM/PM; Node's and Chromium's may differ in which. */
function plainSpaces(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** A UTC calendar day some days ahead, as a date input takes it. */
function dayAhead(days: number): string {
  return new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
}

describe('web app: the training request board and scheduling a session in Chromium', () => {
  let world: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let org: TestOrganization;
  let other: TestOrganization;

  beforeAll(async () => {
    ({ world, baseUrl } = await startWebApp());
    browser = await launchBrowser();
    org = await world.createOrganization('Board Health');
    other = await world.createOrganization('Elsewhere Clinic');
  });

  afterAll(async () => {
    await browser?.close();
    await world?.stop();
  });

  it('lets a platform admin move a request through the board, assign a facilitator and add a note', async () => {
    const fay = await world.addPlatformStaff(['facilitator'], 'Fay Boardwalk');
    const submitted = await world
      .http()
      .post('/api/v1/public/training-requests')
      .send({
        organizationName: 'Riverside <b>Medical</b>',
        contactName: 'Robin <img src=x onerror=alert(1)>',
        email: world.email('requester'),
        setting: 'emergency_department',
        format: 'onsite',
        preferredDates: [dayAhead(60)],
        message: 'Two sessions, please.\n<script>alert(1)</script>',
      })
      .expect(201);
    const reference = submitted.body.reference as string;

    const { context, page } = await newPage(browser, baseUrl);
    await signIn(page, PLATFORM_ADMIN);
    await openFromNavigation(page, 'Training requests', 'Training requests');
    const column = (name: string) => page.getByRole('region', { name: new RegExp(`^${name}`) });
    const card = column('New').getByRole('button', { name: 'Riverside <b>Medical</b>' });
    await card.waitFor();
    expect(await column('New').innerText()).toContain(reference);
    await checkPage(page, 'training-requests');

    // Opened with the keyboard; what was submitted shows as text, never markup.
    await card.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Status: New').waitFor();
    expect(await dialog.innerText()).toContain('<script>alert(1)</script>');
    expect(await dialog.locator('script, img').count()).toBe(0);
    // Only the moves the api allows: forward one step, decline, spam.
    const moves = dialog.getByRole('button', { name: /^(Move to|Decline|Mark as spam)/ });
    expect(await moves.allInnerTexts()).toEqual(['Move to Triaged', 'Decline', 'Mark as spam']);
    await checkPage(page, 'training-request-detail');

    await dialog.getByRole('button', { name: 'Move to Triaged' }).click();
    await dialog.getByText('Status: Triaged').waitFor();
    expect(await moves.allInnerTexts()).toEqual(['Move to Proposed', 'Decline', 'Mark as spam']);
    await dialog.getByRole('button', { name: 'Move to Proposed' }).click();
    await dialog.getByText('Status: Proposed').waitFor();
    expect(await dialog.getByRole('button', { name: 'Move to Triaged' }).count()).toBe(0);

    await control(page, 'Assigned facilitator').click();
    await page.getByRole('option', { name: 'Fay Boardwalk' }).click();
    await dialog.getByRole('button', { name: 'Assign facilitator' }).click();
    await dialog.getByText('Facilitator assigned.').waitFor();

    await dialog.getByRole('textbox', { name: 'Note' }).fill('Called back; wants March.');
    await dialog.getByRole('button', { name: 'Add note' }).click();
    const history = dialog.getByRole('region', { name: 'History' });
    await history.getByText(/noted: Called back; wants March\./).waitFor();
    expect(await history.innerText()).toMatch(/moved it from New to Triaged/);
    expect(await history.innerText()).toMatch(/moved it from Triaged to Proposed/);
    expect(await history.innerText()).toContain('assigned Fay Boardwalk');

    // Another admin moves it meanwhile: the stale button answers 409 in words and the dialog catches up.
    await world
      .http()
      .patch(`/api/v1/platform/training-requests/${submitted.body.id}`)
      .set(...bearer(await world.login(PLATFORM_ADMIN)))
      .send({ status: 'scheduled' })
      .expect(200);
    await dialog.getByRole('button', { name: 'Move to Scheduled' }).click();
    await dialog.getByText('Someone else changed this request first.', { exact: false }).waitFor();
    await dialog.getByText('Status: Scheduled').waitFor();
    await page.keyboard.press('Escape');
    await column('Scheduled').getByRole('button', { name: 'Riverside <b>Medical</b>' }).waitFor();
    expect(
      await world.ownerQuery('SELECT assigned_facilitator_id FROM training_requests WHERE id = $1', [
        submitted.body.id,
      ]),
    ).toEqual([{ assigned_facilitator_id: fay.user.id }]);
    await context.close();
  });

  it('lets a platform admin convert a request into a new organization, then publish the drafted session', async () => {
    const gil = await world.addPlatformStaff(['facilitator'], 'Gil Convert');
    const contact = world.email('lakeside-contact');
    const submitted = await world
      .http()
      .post('/api/v1/public/training-requests')
      .send({
        organizationName: 'Lakeside Health',
        contactName: 'Lee Lakeside',
        email: contact,
        setting: 'both',
        format: 'onsite',
        staffCount: 24,
        location: { city: 'Austin', state: 'TX' },
        preferredDates: [dayAhead(45)],
      })
      .expect(201);
    const requestId = submitted.body.id as string;
    await world
      .http()
      .patch(`/api/v1/platform/training-requests/${requestId}`)
      .set(...bearer(await world.login(PLATFORM_ADMIN)))
      .send({ status: 'triaged', assignedFacilitatorId: gil.user.id })
      .expect(200);

    const { context, page } = await newPage(browser, baseUrl);
    await signIn(page, PLATFORM_ADMIN);
    await openFromNavigation(page, 'Training requests', 'Training requests');
    const column = (name: string) => page.getByRole('region', { name: new RegExp(`^${name}`) });
    await column('Triaged').getByRole('button', { name: 'Lakeside Health' }).click();
    const dialog = page.getByRole('dialog');
    const convert = dialog.getByRole('region', { name: 'Convert this request' });
    await convert.waitFor();
    // The new organization starts from the name the requester typed.
    expect(await convert.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Lakeside Health');
    expect(await convert.getByRole('textbox', { name: 'Slug' }).inputValue()).toBe('lakeside-health');
    await convert.getByRole('textbox', { name: 'Time zone' }).fill('America/Chicago');
    await checkPage(page, 'training-request-convert');
    await convert.getByRole('button', { name: 'Convert' }).click();
    await dialog.getByText(`an invitation is on its way to ${contact}`, { exact: false }).waitFor();
    // Its drafted session is the date put to the hospital: the request is now proposed.
    await dialog.getByText('Status: Proposed').waitFor();
    // The history says so, and the form is gone: a request is converted once.
    await dialog
      .getByRole('region', { name: 'History' })
      .getByText(/converted it: a new organization/)
      .waitFor();
    expect(await convert.getByRole('button', { name: 'Convert' }).count()).toBe(0);

    await dialog.getByRole('link', { name: 'Open the draft session' }).first().click();
    await page.getByText('This session is a draft').waitFor();
    expect(await page.getByText('Gil Convert', { exact: false }).count()).toBeGreaterThan(0);
    await checkPage(page, 'session-draft');
    await page.getByRole('button', { name: 'Publish the session' }).click();
    await page.getByText('This session is a draft').waitFor({ state: 'detached' });

    const [converted] = await world.ownerQuery<Record<string, string>>(
      `SELECT r.organization_id, s.status, o.slug, r.status AS request_status
         FROM training_requests r
         JOIN organizations o ON o.id = r.organization_id
         JOIN live_sessions s ON s.training_request_id = r.id
        WHERE r.id = $1`,
      [requestId],
    );
    expect(converted).toEqual({
      organization_id: expect.any(String),
      status: 'scheduled',
      slug: 'lakeside-health',
      request_status: 'scheduled',
    });
    expect(
      await world.ownerQuery(
        `SELECT m.roles FROM invitations i
           JOIN users u ON u.id = i.user_id
           JOIN memberships m ON m.id = i.membership_id
          WHERE u.email = $1`,
        [contact],
      ),
    ).toEqual([{ roles: ['org_admin'] }]);

    // Published, it is moved two hours later with more seats, from its own page, in its own zone.
    const id = page.url().split('/').pop() ?? '';
    const adminToken = bearer(await world.login(PLATFORM_ADMIN));
    const readSession = async () =>
      (
        await world
          .http()
          .get(`/api/v1/live-sessions/${id}`)
          .set(...adminToken)
          .expect(200)
      ).body as {
        startsAt: string;
        endsAt: string;
        capacity: number;
        sequence: number;
      };
    const published = await readSession();
    await page.getByRole('link', { name: 'Edit session' }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit session' }).waitFor();
    const startTime = control(page, 'Start time');
    await startTime.waitFor();
    expect(await startTime.inputValue()).toBe(chicagoTime(published.startsAt));
    expect(await control(page, 'Capacity').inputValue()).toBe(String(published.capacity));
    // A platform admin lists no organization's sites: the session's own is shown, not changeable.
    expect(await control(page, 'Site').getAttribute('readonly')).not.toBeNull();
    // Its own booking is not a conflict with itself.
    const availability = page.getByRole('region', { name: 'Facilitator availability' });
    await availability.getByText('Every facilitator picked is free then', { exact: false }).waitFor();
    const save = page.getByRole('button', { name: 'Save changes' });
    await until('saving is allowed', async () => !(await save.isDisabled()));
    await page.mouse.move(0, 0);
    expectNoScriptErrors(page);
    await expectNoAxeViolations(page);
    await save.click();
    await page.getByText('Nothing has changed, so there is nothing to save.').waitFor();

    const movedStart = new Date(Date.parse(published.startsAt) + 2 * HOUR).toISOString();
    const movedEnd = new Date(Date.parse(published.endsAt) + 2 * HOUR).toISOString();
    await startTime.fill(chicagoTime(movedStart));
    await control(page, 'Capacity').fill(String(published.capacity + 6));
    await availability.getByText('Every facilitator picked is free then', { exact: false }).waitFor();
    await until('saving the move is allowed', async () => !(await save.isDisabled()));
    await save.click();
    await page.waitForURL(new RegExp(`/sessions/${id}$`));
    await page.getByRole('status').getByText('Changes saved.').waitFor();
    const when = `${chicagoClock(movedStart)} – ${chicagoClock(movedEnd)}`;
    const shown = await until('the page shows the new time', async () => {
      const text = plainSpaces(await page.locator('main').innerText());
      return text.includes(when) ? text : null;
    });
    expect(shown).toContain(`${published.capacity + 6} seats left of ${published.capacity + 6}`);
    const moved = await readSession();
    expect(moved).toMatchObject({
      startsAt: movedStart,
      endsAt: movedEnd,
      capacity: published.capacity + 6,
      sequence: published.sequence + 1,
    });
    await context.close();
  });

  it('shows an educator a conflict before saving when the facilitator is booked elsewhere, then saves a free time', async () => {
    const fran = await world.addPlatformStaff(['facilitator'], 'Fran Overbooked');
    const courseId = (await findHt101(world, org.admin)).id;
    await createSite(world, org.admin, 'Board Main');
    const otherSite = await createSite(world, other.admin, 'Elsewhere Main');
    const day = dayAhead(50);
    // Booked by another organization, whose session the educator's cannot see.
    const bookElsewhere = (from: string, until: string) =>
      world
        .http()
        .post('/api/v1/live-sessions')
        .set(...bearer(other.admin))
        .send({
          courseId,
          siteId: otherSite,
          startsAt: `${day}T${from}:00Z`,
          endsAt: `${day}T${until}:00Z`,
          timezone: 'UTC',
          location: 'Secret room',
          capacity: 5,
          facilitatorIds: [fran.user.id],
        })
        .expect(201);
    await bookElsewhere('10:00', '12:00');
    const educator = await world.addMember(org, ['educator']);

    const { context, page } = await newPage(browser, baseUrl);
    await signIn(page, educator.email);
    await openFromNavigation(page, 'Schedule a session', 'Schedule a session');
    await page.getByText('When (time zone: America/Chicago)').waitFor();
    await checkPage(page, 'schedule-session');

    await control(page, 'Course').click();
    await page.getByRole('option').first().click();
    await control(page, 'Site').click();
    await page.getByRole('option', { name: 'Board Main' }).click();
    await control(page, 'Date').fill(day);
    // The other organization's session runs 10:00–12:00 UTC, early morning in Chicago, the same day.
    await control(page, 'Start time').fill(chicagoTime(`${day}T11:00:00Z`));
    await control(page, 'Location').fill('Education room 2');
    await control(page, 'Facilitators').click();
    await page.getByRole('option', { name: 'Fran Overbooked' }).click();
    await page.keyboard.press('Escape');

    const availability = page.getByRole('region', { name: 'Facilitator availability' });
    await availability.getByText(/Fran Overbooked is busy from .* until /).waitFor();
    expect(await availability.innerText()).not.toContain('Secret room');
    const save = page.getByRole('button', { name: 'Schedule session' });
    expect(await save.isDisabled()).toBe(true);
    await checkPage(page, 'schedule-session-conflict');

    // 13:00 UTC is when her travel time after the other session ends: free.
    await control(page, 'Start time').fill(chicagoTime(`${day}T13:00:00Z`));
    await availability.getByText('Every facilitator picked is free then', { exact: false }).waitFor();
    await until('saving is allowed', async () => !(await save.isDisabled()));

    // Booked elsewhere while the form is open (13:00–15:00 plus her travel time overlaps 15:30): the 409 says so.
    await bookElsewhere('15:30', '16:30');
    await save.click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'was booked at that time while you were filling in' })
      .waitFor();
    await availability.getByText(/Fran Overbooked is busy from .* until /).waitFor();
    expect(await save.isDisabled()).toBe(true);

    // 18:00 UTC: after her travel time following the later session.
    await control(page, 'Start time').fill(chicagoTime(`${day}T18:00:00Z`));
    await availability.getByText('Every facilitator picked is free then', { exact: false }).waitFor();
    await until('saving is allowed again', async () => !(await save.isDisabled()));
    await save.click();
    await page.waitForURL(/\/sessions\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop();
    const [stored] = await world.ownerQuery<{ starts_at: Date; organization_id: string }>(
      'SELECT starts_at, organization_id FROM live_sessions WHERE id = $1',
      [id],
    );
    expect(stored.starts_at.toISOString()).toBe(`${day}T18:00:00.000Z`);
    expect(stored.organization_id).toBe(org.id);
    await context.close();
  });
});
