import { Queue } from 'bullmq';
import type { Browser, Page } from 'playwright-core';
import { QueueName, redisOptionsFromUrl } from '@beacon/core/queue';
import { checkPage, launchBrowser, newPage, signIn, startWebApp } from '../support/browser';
import { createCohort, createDepartment, createSite, findHt101, questionBank } from '../support/learning';
import { isInvitation } from '../support/mail-sink';
import { bearer, PLATFORM_ADMIN, TestApp, TestOrganization } from '../support/test-app';
import { until } from '../support/waiting';

// A browser path runs ~3x slower beside two other suites on 2 cores than alone (learner: 62 s alone, over 180 s in `npm test`).
jest.setTimeout(360_000);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function openFromNavigation(page: Page, link: string, heading: string): Promise<void> {
  // At 1280 px the navigation is always shown.
  await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

describe('web app: a manager’s team and the platform admin pages in Chromium', () => {
  let world: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let org: TestOrganization;

  beforeAll(async () => {
    ({ world, baseUrl } = await startWebApp());
    browser = await launchBrowser();
    org = await world.createOrganization('Team Health');
  });

  afterAll(async () => {
    await browser?.close();
    await world?.stop();
  });

  it('shows a manager their two-level reporting chain, overdue first, and saves their digest choice', async () => {
    const course = await findHt101(world, org.admin);
    const siteId = await createSite(world, org.admin, 'Team Main');
    const emergency = await createDepartment(world, org.admin, siteId, 'Emergency');
    const icu = await createDepartment(world, org.admin, siteId, 'ICU', 'inpatient');
    await createCohort(world, org.admin, {
      name: 'ED overdue',
      courseId: course.id,
      target: { departmentIds: [emergency] },
      dueDate: '2024-01-15',
    });
    await createCohort(world, org.admin, {
      name: 'ICU upcoming',
      courseId: course.id,
      target: { departmentIds: [icu] },
      dueInDays: 30,
    });
    const director = await world.addMember(org, ['manager'], { name: 'Dana Director' });
    const middle = await world.addMember(org, ['manager', 'learner'], {
      name: 'Milo Middle',
      managerId: director.memberId,
      departmentId: icu,
      siteId,
      jobTitle: 'Charge nurse',
    });
    await world.addMember(org, ['learner'], {
      name: 'Olive Overdue',
      managerId: middle.memberId,
      departmentId: emergency,
      siteId,
      jobTitle: 'RN',
    });
    await world.addMember(org, ['learner'], {
      name: 'Fern Future',
      managerId: director.memberId,
      departmentId: icu,
      siteId,
      jobTitle: 'RN',
    });
    await world.addMember(org, ['learner'], { name: 'Otto Outside', departmentId: emergency, siteId });

    const { context, page } = await newPage(browser, baseUrl);
    await signIn(page, director.email);
    await openFromNavigation(page, 'My team', 'My team');
    const table = page.getByRole('table', { name: 'Training status of your reporting chain' });
    await table.waitFor();
    const rows = table.getByRole('row');
    // The header row, then Olive (overdue, an indirect report through Milo), then Milo and Fern by due date and name.
    await until('three enrollments listed', async () => (await rows.count()) === 4);
    const names = await table.locator('tbody tr th').allInnerTexts();
    expect(names[0]).toBe('Olive Overdue');
    expect(names.slice(1).sort()).toEqual(['Fern Future', 'Milo Middle']);
    expect(await rows.nth(1).innerText()).toMatch(/Overdue[\s\S]*\d+ days/);
    expect(await rows.nth(1).innerText()).toContain('Team Main / Emergency');
    expect(await table.innerText()).not.toContain('Otto Outside');
    const summary = page.getByRole('region', { name: 'Summary' });
    expect(await summary.getByRole('definition').allInnerTexts()).toEqual(['3', '1', '0', '3', '0']);
    await checkPage(page, 'team');

    await page.getByRole('checkbox', { name: 'Overdue only' }).check();
    await until('only the overdue row', async () => (await table.locator('tbody tr').count()) === 1);
    expect(await table.locator('tbody tr th').innerText()).toBe('Olive Overdue');
    await page.getByRole('checkbox', { name: 'Overdue only' }).uncheck();
    await page.getByLabel('Search by name').fill('fern');
    await until(
      'only Fern',
      async () => (await table.locator('tbody tr th').allInnerTexts()).join() === 'Fern Future',
    );
    await page.getByLabel('Search by name').fill('nobody at all');
    await page.getByText('No enrollment matches these filters.').waitFor();

    const digest = page.getByRole('radiogroup', { name: /How often should Beacon email you/ });
    expect(await digest.getByRole('radio', { name: 'Once a day' }).isChecked()).toBe(true);
    await digest.getByRole('radio', { name: 'Once a week' }).check();
    await page.getByText('Your digest preference is saved.').waitFor();
    const me = await world
      .http()
      .get('/api/v1/me')
      .set(...bearer(await world.login(director.email)))
      .expect(200);
    expect(me.body.preferences.escalationDigest).toBe('weekly');

    // In Spanish too.
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mi equipo' }).waitFor();
    await page.getByLabel('Buscar por nombre').fill('');
    await page.getByRole('table', { name: 'Estado de formación de su cadena de responsabilidad' }).waitFor();
    await checkPage(page, 'team-es');
    await page.getByRole('button', { name: 'English' }).click();
    await context.close();
  });

  it('lets a platform admin create an organization whose admin gets the invitation, and invite staff', async () => {
    const { context, page } = await newPage(browser, baseUrl);
    await signIn(page, PLATFORM_ADMIN);
    await openFromNavigation(page, 'Organizations', 'Organizations');
    await page.getByRole('table', { name: 'Organizations' }).getByText('Team Health').waitFor();
    await checkPage(page, 'platform-organizations');

    const adminEmail = world.email('lakeside-admin');
    await page.getByLabel('Name', { exact: true }).fill('Lakeside Clinics');
    expect(await page.getByLabel('Slug').inputValue()).toBe('lakeside-clinics');
    await page.getByLabel('Administrator email').fill('not an email');
    await page.getByLabel('Administrator name').fill('Lee Lakeside');
    await page.getByRole('button', { name: 'Create organization' }).click();
    // The api's field error, next to the field it names.
    const emailField = page.getByLabel('Administrator email');
    await until(
      'the email field is marked invalid',
      async () => (await emailField.getAttribute('aria-invalid')) === 'true',
    );
    expect(await page.locator('form').innerText()).toMatch(/email/i);

    await emailField.fill(adminEmail);
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `The invitation is on its way to ${adminEmail}` })
      .waitFor();
    await page.getByRole('table', { name: 'Organizations' }).getByText('Lakeside Clinics').waitFor();
    const mail = await world.mail.waitForMatching(adminEmail, isInvitation);
    expect(mail.text).toMatch(/\/invite\?token=/);

    await openFromNavigation(page, 'Platform staff', 'Platform staff');
    const staffEmail = world.email('facilitator');
    await page.getByLabel('Email').fill(staffEmail);
    await page.getByLabel('Name', { exact: true }).fill('Fay Facilitator');
    await page.getByRole('button', { name: 'Invite staff member' }).click();
    await page.getByRole('table', { name: 'Platform staff' }).getByText('Fay Facilitator').waitFor();
    await world.mail.waitForMatching(staffEmail, isInvitation);
    await checkPage(page, 'platform-users');
    await context.close();
  });

  it('shows the catalog and its question bank with the answer key, grouped by objective', async () => {
    const platform = await world.platformAdmin();
    const course = await findHt101(world, org.admin);
    const bank = await questionBank(world, platform, course.id);

    const { context, page } = await newPage(browser, baseUrl);
    await signIn(page, PLATFORM_ADMIN);
    await openFromNavigation(page, 'Catalog', 'Catalog');
    const card = page.getByRole('article', { name: course.title });
    await card.waitFor();
    expect(await card.innerText()).toContain(course.objectives[0]);
    expect(await card.innerText()).toContain(course.sources[0].title);
    await checkPage(page, 'platform-catalog');

    await card.getByRole('link', { name: `Question bank of ${course.title}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Question bank' }).waitFor();
    // Grouped by objective, the first one open: its questions with the correct choice marked and the explanation.
    const firstGroup = bank.filter((question) => question.objective === course.objectives[0]);
    const firstControl = page.getByRole('button', {
      name: new RegExp(`^${escapeRegExp(course.objectives[0])}`),
    });
    expect(await firstControl.getAttribute('aria-expanded')).toBe('true');
    // Questions of closed objectives are hidden, so not in the accessibility tree.
    const items = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) });
    expect(await items.count()).toBe(firstGroup.length);
    expect(await items.getByText('Correct answer', { exact: true }).count()).toBe(firstGroup.length);
    const first = items.filter({ has: page.getByRole('heading', { name: firstGroup[0].prompt }) });
    const correct = firstGroup[0].choices.find((choice) => choice.correct);
    expect(await first.getByRole('listitem').filter({ hasText: 'Correct answer' }).innerText()).toContain(
      correct?.text,
    );
    expect(await first.innerText()).toContain(firstGroup[0].explanation);
    // Another objective opens with its own questions.
    const second = bank.find((question) => question.objective === course.objectives[1]);
    await page.getByRole('button', { name: new RegExp(`^${escapeRegExp(course.objectives[1])}`) }).click();
    await page.getByRole('heading', { level: 3, name: second?.prompt }).waitFor();
    await checkPage(page, 'platform-question-bank');
    await context.close();
  });

  it('shows the queues with a failed job and its reason, and runs it again with Retry', async () => {
    const queue = new Queue(QueueName.members, {
      connection: redisOptionsFromUrl(process.env.REDIS_URL as string),
      prefix: world.queuePrefix,
    });
    try {
      const job = await queue.add('no-such-job', { organizationId: null }, { attempts: 1 });
      await until('the job failed', async () => (await job.getState()) === 'failed');

      const { context, page } = await newPage(browser, baseUrl);
      await signIn(page, PLATFORM_ADMIN);
      await openFromNavigation(page, 'Queues', 'Queues');
      const members = page.getByRole('region', { name: QueueName.members });
      const failure = members.getByRole('listitem').filter({ hasText: `no-such-job (${job.id})` });
      await failure.waitFor();
      expect(await failure.innerText()).toContain('No handler for job "no-such-job"');
      const counts = members.getByRole('table', {
        name: `Jobs by state in Member imports (${QueueName.members})`,
      });
      expect(await counts.getByRole('row', { name: /Failed/ }).innerText()).toMatch(/Failed\s+1/);
      await checkPage(page, 'platform-queues');

      await failure.getByRole('button', { name: 'Retry' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Job ${job.id} is queued again.` })
        .waitFor();
      await until(
        'the job ran again',
        async () => (await queue.getJob(job.id as string))?.attemptsMade === 2,
      );
      await context.close();
    } finally {
      await queue.close();
    }
  });
});
