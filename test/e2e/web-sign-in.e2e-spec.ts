import type { Browser, Page } from 'playwright-core';
import { createDepartment, createDepartmentCohort, createSite, findHt101 } from '../support/learning';
import { isInvitation } from '../support/mail-sink';
import { checkPage, expectNoScriptErrors, launchBrowser, newPage, startWebApp } from '../support/browser';
import { bearer, PASSWORD, TestApp, TestOrganization } from '../support/test-app';

// A browser path runs ~3x slower beside two other suites on 2 cores than alone (learner: 62 s alone, over 180 s in `npm test`).
jest.setTimeout(360_000);

const COURSE = /Human Trafficking/;

async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('web app: signing in, organizations, invitations and language in Chromium', () => {
  let world: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let org: TestOrganization;
  let departmentId: string;

  beforeAll(async () => {
    ({ world, baseUrl } = await startWebApp());
    browser = await launchBrowser();
    org = await world.createOrganization('Web Health');
    const course = await findHt101(world, org.admin);
    const siteId = await createSite(world, org.admin, 'Web Main');
    departmentId = await createDepartment(world, org.admin, siteId, 'ED');
    await createDepartmentCohort(world, org.admin, course.id, departmentId, 'ED training');
  });

  afterAll(async () => {
    await browser?.close();
    await world?.stop();
  });

  it('says in words when the password is wrong, then signs in to the learner list with the enrollment', async () => {
    const { email } = await world.addMember(org, ['learner'], { departmentId });
    const { context, page } = await newPage(browser, baseUrl);
    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in to Beacon' }).waitFor();
    await checkPage(page, 'sign-in');

    await signIn(page, email, 'not the password at all');
    await page.getByRole('alert').filter({ hasText: 'The email or password is not correct.' }).waitFor();

    await signIn(page, email);
    await page.waitForURL('**/learn');
    await page.getByRole('heading', { name: 'My training' }).waitFor();
    const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: COURSE }) });
    await item.waitFor();
    expect(await item.innerText()).toMatch(/Due \w{3} \d{1,2}, \d{4}/);
    await page.getByRole('navigation').getByRole('link', { name: 'My training' }).waitFor();
    // The refresh token stays in the HttpOnly cookie: nothing the page's scripts can read holds a token.
    const stored = await page.evaluate(
      'JSON.stringify({ ...localStorage, ...sessionStorage }) + document.cookie',
    );
    expect(String(stored)).not.toMatch(/eyJ|refresh/i);
    await checkPage(page, 'learn');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    // The signed-in pages are gone before anything under them reads the ended session again.
    expectNoScriptErrors(page);
    await page.goto('/learn');
    await page.waitForURL('**/sign-in');
    await context.close();
  });

  it('lets a person of two organizations pick one, then works in it', async () => {
    const other = await world.createOrganization('Second Health');
    const email = (
      await world.ownerQuery<{ email: string }>('SELECT email FROM users WHERE id = $1', [org.admin.user.id])
    )[0].email;
    await world
      .http()
      .post('/api/v1/members')
      .set(...bearer(other.admin))
      .send({ email, name: 'Web Health Admin', roles: ['learner'], invite: false })
      .expect(201);

    const { context, page } = await newPage(browser, baseUrl);
    await page.goto('/sign-in');
    await signIn(page, email);
    await page.getByRole('heading', { name: 'Choose an organization' }).waitFor();
    await checkPage(page, 'choose-organization');
    await page.getByRole('button', { name: /Second Health/ }).click();
    await page.waitForURL('**/learn');
    await page.getByRole('heading', { name: 'My training' }).waitFor();
    await page.getByText('You have no training assigned.', { exact: false }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Switch organization' }).waitFor();
    await context.close();
  });

  it('accepts an invitation from the mailed link and lands on my training', async () => {
    const email = world.email('invited');
    await world
      .http()
      .post('/api/v1/members')
      .set(...bearer(org.admin))
      .send({ email, name: 'Ines Invited', roles: ['learner'], departmentId })
      .expect(201);
    const mail = await world.mail.waitForMatching(email, isInvitation);
    const link = new URL(/https?:\/\/\S+\/invite\?token=[A-Za-z0-9_-]+/.exec(mail.text)?.[0] ?? '');
    expect(link.pathname).toBe('/invite');

    const { context, page } = await newPage(browser, baseUrl);
    await page.goto(`/invite${link.search}`);
    await page.getByRole('heading', { name: 'Accept your invitation' }).waitFor();
    await checkPage(page, 'invite');
    await page.getByLabel('Name').fill('Inés Invitada');
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Accept invitation' }).click();
    // The api's field error, shown next to the field it names.
    await page
      .getByText(/at least 12 characters/i)
      .first()
      .waitFor();

    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Accept invitation' }).click();
    await page.waitForURL('**/learn');
    await page.getByRole('link', { name: COURSE }).waitFor();

    // The same link again: used, and said so in words.
    const second = await newPage(browser, baseUrl);
    await second.page.goto(`/invite${link.search}`);
    await second.page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await second.page.getByRole('button', { name: 'Accept invitation' }).click();
    await second.page.getByRole('alert').filter({ hasText: 'expired or was already used' }).waitFor();
    await second.context.close();
    await context.close();
  });

  it('switches to Spanish before signing in, keeps it for the session and saves it for the person', async () => {
    const { email, session } = await world.addMember(org, ['learner'], { departmentId });
    const { context, page } = await newPage(browser, baseUrl);
    await page.goto('/sign-in');
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('button', { name: 'English' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    await page.getByLabel('Correo electrónico').fill(email);
    await page.getByLabel('Contraseña', { exact: true }).fill(PASSWORD);
    await checkPage(page, 'sign-in-es');
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await page.getByRole('heading', { name: 'Mi formación' }).waitFor();
    await page.getByRole('button', { name: 'Cerrar sesión' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    await checkPage(page, 'learn-es');

    const me = await world
      .http()
      .get('/api/v1/me')
      .set(...bearer(session))
      .expect(200);
    expect(me.body.preferences.locale).toBe('es');

    // Another browser: the saved language applies as soon as the person signs in.
    const fresh = await newPage(browser, baseUrl);
    await fresh.page.goto('/sign-in');
    await signIn(fresh.page, email);
    await fresh.page.getByRole('heading', { name: 'Mi formación' }).waitFor();
    expect(await fresh.page.getAttribute('html', 'lang')).toBe('es');
    await fresh.context.close();
    await context.close();
  });
});
