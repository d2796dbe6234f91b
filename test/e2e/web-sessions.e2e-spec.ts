import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import {
  addEnrolledLearner,
  createDepartment,
  createDepartmentCohort,
  createSite,
  findHt101,
} from '../support/learning';
import {
  expectNoAxeViolations,
  expectNoScriptErrors,
  launchBrowser,
  newPage,
  signIn,
  startWebApp,
} from '../support/browser';
import { bearer, Session, TestApp, TestOrganization } from '../support/test-app';

// A browser path runs ~3x slower beside two other suites on 2 cores than alone.
jest.setTimeout(360_000);

const MINUTE = 60 * 1000;

describe('web app: live sessions, from a learner registering to a facilitator closing the roster on a phone', () => {
  let world: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let org: TestOrganization;
  let educator: Session;
  let facilitator: Session;
  let courseId: string;
  let sessionId: string;
  let ada: { session: Session; email: string; memberId: string };
  let bea: { session: Session; email: string; memberId: string };
  let cy: { session: Session; email: string; memberId: string };

  /** Axe at both widths and no script errors: what every page visited must pass. */
  async function checkPage(page: Page): Promise<void> {
    await page.mouse.move(0, 0);
    expectNoScriptErrors(page);
    await expectNoAxeViolations(page);
  }

  beforeAll(async () => {
    ({ world, baseUrl } = await startWebApp());
    browser = await launchBrowser();
    org = await world.createOrganization('Sessions Health');
    educator = (await world.addMember(org, ['educator'])).session;
    facilitator = await world.addPlatformStaff(['facilitator'], 'Fern Facilitator');
    courseId = (await findHt101(world, org.admin)).id;
    await world.ownerQuery('UPDATE courses SET requires_evaluation = false WHERE id = $1', [courseId]);
    const siteId = await createSite(world, org.admin, 'Sessions Main');
    const departmentId = await createDepartment(world, org.admin, siteId, 'Sessions ED');
    await createDepartmentCohort(world, org.admin, courseId, departmentId, 'Sessions ED cohort');
    ada = await addEnrolledLearner(world, org, { departmentId, name: 'Ada Attender' });
    bea = await addEnrolledLearner(world, org, { departmentId, name: 'Bea Second' });
    cy = await addEnrolledLearner(world, org, { departmentId, name: 'Cy Checkin' });
    // Starts in 20 minutes: registration is still open and attendance already is (from 30 minutes before).
    const startsAt = new Date(Math.ceil((Date.now() + 20 * MINUTE) / MINUTE) * MINUTE);
    const created = await world
      .http()
      .post('/api/v1/live-sessions')
      .set(...bearer(educator))
      .send({
        courseId,
        siteId,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 90 * MINUTE).toISOString(),
        timezone: 'America/Chicago',
        location: 'Skills lab, second floor',
        capacity: 8,
        facilitatorIds: [facilitator.user.id],
      })
      .expect(201);
    sessionId = created.body.id;
    for (const learner of [bea, cy])
      await world
        .http()
        .post(`/api/v1/live-sessions/${sessionId}/registrations`)
        .set(...bearer(educator))
        .send({ memberId: learner.memberId })
        .expect(201);
  });

  afterAll(async () => {
    await world?.ownerQuery('UPDATE courses SET requires_evaluation = true WHERE id = $1', [courseId]);
    await browser?.close();
    await world?.stop();
  });

  it('lets a learner register from the list, in the session zone, and download the calendar file', async () => {
    const { context, page } = await newPage(browser, baseUrl);
    await signIn(page, ada.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Live sessions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Live sessions' }).waitFor();
    const upcoming = page.getByRole('region', { name: 'Upcoming sessions in my organization' });
    await upcoming.getByText('(America/Chicago)', { exact: false }).first().waitFor();
    await page.getByText('You are not registered for any upcoming session.').waitFor();
    await checkPage(page);

    await upcoming.getByRole('button', { name: 'Register' }).click();
    await upcoming.getByRole('button', { name: 'Leave' }).waitFor();
    const mine = page.getByRole('region', { name: 'My sessions' });
    await mine.getByText('Registered', { exact: true }).waitFor();
    await mine.getByText('5 seats left of 8').waitFor();

    await mine.getByRole('link', { name: /Human Trafficking/ }).click();
    await page.getByText('You are registered.').waitFor();
    await checkPage(page);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Add to my calendar (.ics)' }).click(),
    ]);
    const ics = readFileSync((await file.path()) as string, 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain(`UID:${sessionId}@`);
    expect(ics).toContain('TZID=America/Chicago');

    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('link', { name: 'Sesiones presenciales' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sesiones presenciales' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Próximas sesiones de mi organización' }).waitFor();
    await page.getByRole('button', { name: 'Darme de baja' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    await checkPage(page);
    await page.getByRole('button', { name: 'English' }).click();
    await context.close();
  });

  it('lets a facilitator at 360 px mark two people present, show the code a third checks in with, and close the roster; the learner then has a certificate', async () => {
    const { context, page } = await newPage(browser, baseUrl);
    await page.setViewportSize({ width: 360, height: 740 });
    await signIn(page, facilitator.user.email);
    await page.goto('/sessions');
    const facilitating = page.getByRole('region', { name: 'Sessions I facilitate' });
    await facilitating.getByText('You facilitate').waitFor();
    await checkPage(page);
    await facilitating.getByRole('link', { name: /Human Trafficking/ }).click();
    const roster = page.getByRole('region', { name: 'Roster' });
    await roster.getByText('Ada Attender').waitFor();
    await roster.getByText('Bea Second').waitFor();
    await checkPage(page);

    for (const name of ['Ada Attender', 'Bea Second']) {
      const marks = roster.getByRole('group', { name: `Attendance of ${name}` });
      await marks.getByRole('button', { name: 'Present' }).click();
      await marks.getByRole('button', { name: 'Present', pressed: true }).waitFor();
    }
    // A string: the test project compiles without the DOM's types.
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    for (const button of await roster.getByRole('button').all()) {
      const box = await button.boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
      expect(box?.width ?? 0).toBeGreaterThanOrEqual(44);
    }

    await page.getByRole('button', { name: 'Show the check-in code' }).click();
    const shown = page.getByTestId('check-in-code').filter({ hasText: /^\d{6}$/ });
    await shown.waitFor();
    await checkPage(page);

    const inRoom = await newPage(browser, baseUrl);
    await signIn(inRoom.page, cy.email);
    await inRoom.page.goto(`/sessions/${sessionId}`);
    await inRoom.page.getByLabel('Code shown at the session').fill('000000');
    await inRoom.page.getByRole('button', { name: 'Check in' }).click();
    await inRoom.page.getByText('code is not the code shown at the session', { exact: false }).waitFor();
    await checkPage(inRoom.page);
    await inRoom.page.getByLabel('Code shown at the session').fill(await shown.innerText());
    await inRoom.page.getByRole('button', { name: 'Check in' }).click();
    await inRoom.page.getByText('You are checked in.', { exact: false }).waitFor();
    await inRoom.context.close();
    await page.reload();
    await roster.getByText('Checked in (to confirm)').waitFor();
    await roster.getByRole('button', { name: 'Reject the check-in of Cy Checkin' }).waitFor();

    await roster.getByRole('button', { name: 'Close the roster' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Yes, Close the roster' }).click();
    await roster.getByText(/^Roster closed/).waitFor();
    await roster.getByText('Checked in', { exact: true }).waitFor();
    await checkPage(page);
    await context.close();

    const certificates = await world
      .http()
      .get('/api/v1/me/certificates')
      .set(...bearer(ada.session))
      .expect(200);
    expect(certificates.body.items).toHaveLength(1);

    const learner = await newPage(browser, baseUrl);
    await signIn(learner.page, ada.email);
    await learner.page.goto(`/sessions/${sessionId}`);
    await learner.page.getByText('You attended this session.', { exact: false }).waitFor();
    await learner.page.getByRole('link', { name: 'My certificates' }).first().click();
    await learner.page.getByRole('heading', { level: 1, name: 'My certificates' }).waitFor();
    await learner.page
      .getByText(/Human Trafficking/)
      .first()
      .waitFor();
    await checkPage(learner.page);
    await learner.context.close();
  });
});
