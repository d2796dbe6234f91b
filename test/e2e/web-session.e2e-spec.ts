import type { Browser, Page } from 'playwright-core';
import { createDepartment, createDepartmentCohort, createSite, findHt101 } from '../support/learning';
import { expectNoScriptErrors, launchBrowser, newPage, startWebApp } from '../support/browser';
import { bearer, PASSWORD, TestApp, TestOrganization } from '../support/test-app';
import { sleep } from '../support/waiting';

// A browser path runs ~3x slower beside two other suites on 2 cores than alone (learner: 62 s alone, over 180 s in `npm test`).
jest.setTimeout(360_000);

const ACCESS_TOKEN_SECONDS = 3;
const COURSE = /Human Trafficking/;

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: COURSE }).waitFor();
}

/** TanStack Query refetches on focus; a visibilitychange is what a person switching back to the tab fires. */
function refocus(page: Page): Promise<unknown> {
  return page.evaluate("window.dispatchEvent(new Event('visibilitychange'))");
}

describe('web app: browser sessions across tabs in Chromium', () => {
  let world: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let org: TestOrganization;
  let departmentId: string;

  beforeAll(async () => {
    ({ world, baseUrl } = await startWebApp({ env: { ACCESS_TOKEN_TTL: `${ACCESS_TOKEN_SECONDS}s` } }));
    browser = await launchBrowser();
    org = await world.createOrganization('Tabs Health');
    const course = await findHt101(world, org.admin);
    const siteId = await createSite(world, org.admin, 'Tabs Main');
    departmentId = await createDepartment(world, org.admin, siteId, 'ED');
    await createDepartmentCohort(world, org.admin, course.id, departmentId, 'ED training');
  });

  afterAll(async () => {
    await browser?.close();
    await world?.stop();
  });

  it('loads signed out without asking the api to refresh, and restores a signed-in session on reload', async () => {
    const admin = await world.login(org.admin.user.email);
    const { email } = await world.addMember({ ...org, admin }, ['learner'], { departmentId });
    const { context, page } = await newPage(browser, baseUrl);
    const refreshes: number[] = [];
    const consoleErrors: string[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/api/v1/auth/refresh')) refreshes.push(response.status());
    });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });

    await page.goto('/learn');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(refreshes).toEqual([]);
    expect(consoleErrors).toEqual([]);

    await signIn(page, email);
    await page.reload();
    await page.getByRole('link', { name: COURSE }).waitFor();
    expect(refreshes).toEqual([200]);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(refreshes).toEqual([200]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('keeps two tabs signed in when the access token expires in both at once', async () => {
    const admin = await world.login(org.admin.user.email);
    const { email } = await world.addMember({ ...org, admin }, ['learner'], { departmentId });
    const { context, page: first } = await newPage(browser, baseUrl);
    await signIn(first, email);
    // The second tab has no token: it restores the session from the cookie, as a reload does.
    const second = await context.newPage();
    await second.goto('/learn');
    await second.getByRole('link', { name: COURSE }).waitFor();

    const refreshes: string[] = [];
    for (const [name, page] of [
      ['first', first],
      ['second', second],
    ] as const)
      page.on('response', (response) => {
        if (response.url().endsWith('/api/v1/auth/refresh')) refreshes.push(`${name} ${response.status()}`);
      });
    const listed: string[] = [];
    for (const [name, page] of [
      ['first', first],
      ['second', second],
    ] as const)
      page.on('response', (response) => {
        if (response.url().includes('/api/v1/me/enrollments')) listed.push(`${name} ${response.status()}`);
      });

    // Each round waits for both lists to load again rather than for a fixed time: a loaded machine is slow.
    const listedAgain = (page: Page) =>
      page.waitForResponse(
        (response) => response.url().includes('/api/v1/me/enrollments') && response.status() === 200,
        { timeout: 30_000 },
      );
    for (let round = 0; round < 2; round += 1) {
      await sleep((ACCESS_TOKEN_SECONDS + 1) * 1000);
      await Promise.all([first, second].map((page) => Promise.all([listedAgain(page), refocus(page)])));
    }

    // Each tab's expired token got a 401, each tab refreshed (one at a time), and both lists loaded again.
    expect(refreshes.filter((entry) => entry.startsWith('first')).length).toBeGreaterThanOrEqual(2);
    expect(refreshes.filter((entry) => entry.startsWith('second')).length).toBeGreaterThanOrEqual(2);
    expect(refreshes.every((entry) => entry.endsWith(' 200'))).toBe(true);
    expect(listed).toEqual(expect.arrayContaining(['first 200', 'second 200']));
    for (const page of [first, second]) {
      await page.getByRole('link', { name: COURSE }).waitFor();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
    }

    // Signing out in one tab signs the other out too.
    await first.getByRole('button', { name: 'Sign out' }).click();
    await second
      .getByRole('status')
      .filter({ hasText: 'You signed out in another tab or window.' })
      .waitFor();
    expectNoScriptErrors(first);
    expectNoScriptErrors(second);
    await context.close();
  });

  it("signs every tab out after the organization's idle minutes and says why", async () => {
    // The fixture's token has long expired (3 s): a fresh one.
    const admin = await world.login(org.admin.user.email);
    await world
      .http()
      .patch('/api/v1/organization')
      .set(...bearer(admin))
      .send({ idleSignOutMinutes: 1 })
      .expect(200);
    const { email } = await world.addMember({ ...org, admin }, ['learner'], { departmentId });
    const { context, page: first } = await newPage(browser, baseUrl);
    // A fake clock for the pages' timers and Date, so a minute of idleness takes no minute of test time.
    await context.clock.install();
    await signIn(first, email);
    const second = await context.newPage();
    await second.goto('/learn');
    await second.getByRole('link', { name: COURSE }).waitFor();

    await context.clock.fastForward('00:30');
    await first.getByRole('link', { name: COURSE }).waitFor();
    await context.clock.fastForward('00:40');
    for (const page of [first, second]) {
      await page
        .getByRole('status')
        .filter({ hasText: 'You were signed out because the page was not used for a while.' })
        .waitFor();
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
    }
    await context.close();
  });
});
