import type { Browser, Page } from 'playwright-core';
import { createDepartment, createSite, getCohort } from '../support/learning';
import { checkPage, launchBrowser, newPage, signIn, startWebApp } from '../support/browser';
import { bearer, TestApp, TestOrganization } from '../support/test-app';
import { until } from '../support/waiting';

// A browser path runs ~3x slower beside two other suites on 2 cores than alone (learner: 62 s alone, over 180 s in `npm test`).
jest.setTimeout(360_000);

async function openFromNavigation(page: Page, link: string, heading: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** A form control by its label (Mantine labels a select's listbox by the same words). */
function control(page: Page, label: string) {
  return page.getByLabel(label, { exact: true }).and(page.locator('input'));
}

function csvFile(name: string, lines: string[]) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\n`) };
}

describe('web app: an educator imports a roster and assigns a course with the cohort wizard in Chromium', () => {
  let world: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let org: TestOrganization;

  beforeAll(async () => {
    ({ world, baseUrl } = await startWebApp());
    browser = await launchBrowser();
    org = await world.createOrganization('Educator Health');
    const main = await createSite(world, org.admin, 'Main');
    await createDepartment(world, org.admin, main, 'ED');
    await createDepartment(world, org.admin, main, 'ICU', 'inpatient');
  });

  afterAll(async () => {
    await browser?.close();
    await world?.stop();
  });

  it('imports a roster (row errors of a bad file first), creates a cohort whose live count is who gets enrolled, and reads its stats', async () => {
    const educator = await world.addMember(org, ['educator']);
    const { context, page } = await newPage(browser, baseUrl);
    await signIn(page, educator.email);

    await openFromNavigation(page, 'People', 'People');
    await page.getByRole('table', { name: 'Members of the organization' }).waitFor();
    await checkPage(page, 'admin-people');

    await page.getByRole('link', { name: 'Import a roster (CSV)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import people' }).waitFor();
    const header = 'email,name,site,department,job_title';
    await page
      .getByLabel('CSV file')
      .setInputFiles(
        csvFile('bad.csv', [
          header,
          'not-an-email,Bad Email,Main,ED,RN',
          `${world.email('x')},Lost,Nowhere,ED,RN`,
        ]),
      );
    await page.getByRole('button', { name: 'Check file' }).click();
    const errors = page.getByRole('table', { name: /Each problem by line/ });
    await errors.waitFor();
    const cells = await errors
      .getByRole('row')
      .evaluateAll((rows) =>
        rows.slice(1).map((row) => [...row.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent)),
      );
    expect(cells).toEqual(expect.arrayContaining([['2', 'email'], expect.arrayContaining(['3'])]));
    await checkPage(page, 'admin-import-errors');

    const roster = [header];
    for (let n = 1; n <= 4; n += 1) roster.push(`${world.email(`nurse${n}`)},ED Nurse ${n},Main,ED,RN`);
    roster.push(`${world.email('tech')},ED Tech,Main,ED,Technician`);
    roster.push(`${world.email('icu')},ICU Nurse,Main,ICU,RN`);
    await page.getByLabel('CSV file').setInputFiles(csvFile('roster.csv', roster));
    await page.getByRole('button', { name: 'Check file' }).click();
    await page.getByText('6 people would be added').waitFor();
    expect(await page.getByRole('table', { name: /Each problem by line/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('6 people added').waitFor();
    await checkPage(page, 'admin-import-done');

    await openFromNavigation(page, 'Cohorts', 'Cohorts');
    await page.getByText('No cohorts yet.').waitFor();
    await checkPage(page, 'admin-cohorts-empty');
    await page.getByRole('link', { name: 'New cohort' }).click();
    await page.getByRole('heading', { level: 1, name: 'New cohort' }).waitFor();
    // The catalog holds one course: the wizard has chosen it already.
    await until('the only course is chosen', async () =>
      /Human Trafficking/.test(await control(page, 'Course').inputValue()),
    );
    await page.getByLabel('Cohort name').fill('ED nurses');
    await checkPage(page, 'admin-cohort-wizard-course');
    const next = page.getByRole('button', { name: 'Next', exact: true });
    await next.click();

    const count = page.getByRole('status').filter({ hasText: /match/ });
    await count.filter({ hasText: /people match/ }).waitFor();
    await control(page, 'Departments').click();
    await page.getByRole('option', { name: 'ED · Main' }).click();
    await page.keyboard.press('Escape');
    await count.filter({ hasText: '5 people match' }).waitFor();
    await control(page, 'Job titles').fill('rn');
    await page.keyboard.press('Enter');
    await count.filter({ hasText: '4 people match' }).waitFor();
    await checkPage(page, 'admin-cohort-wizard-target');
    await next.click();

    await page.getByRole('radio', { name: 'A number of days after each person is enrolled' }).waitFor();
    expect(await page.getByLabel('Days after enrollment').inputValue()).toBe('30');
    await next.click();
    await page.getByLabel('Repeats').check();
    await page.getByLabel('Every how many months').fill('12');
    await next.click();
    expect(await page.getByLabel('Remind this many days before the due date').inputValue()).toBe('7, 1');
    expect(await page.getByLabel('Remind every this many days while overdue').inputValue()).toBe('7');
    expect(await page.getByLabel('Tell the manager after this many days overdue').inputValue()).toBe('14');
    await next.click();

    await page.getByRole('heading', { name: 'Review and create' }).waitFor();
    await count.filter({ hasText: '4 people match' }).waitFor();
    await checkPage(page, 'admin-cohort-wizard-review');
    await page.getByRole('button', { name: 'Create cohort' }).click();

    await page.getByRole('heading', { level: 1, name: 'ED nurses' }).waitFor();
    const cohortId = new URL(page.url()).pathname.split('/').pop() as string;
    const cohort = await getCohort(world, org.admin, cohortId);
    expect(cohort.enrolledCount).toBe(4);
    expect((cohort as unknown as { target: { jobTitles: string[] } }).target.jobTitles).toEqual(['rn']);
    const stat = (name: string) =>
      page
        .locator('dl > div')
        .filter({ has: page.getByText(name, { exact: true }) })
        .locator('dd');
    expect(await stat('Enrolled').innerText()).toBe('4');
    expect(await stat('Not started').innerText()).toBe('4');
    expect(await stat('Completed').innerText()).toBe('0');
    expect(await stat('Completion rate').innerText()).toBe('0 %');
    const enrollments = page.getByRole('table', { name: /Who is enrolled/ });
    await enrollments.getByRole('row').nth(4).waitFor();
    expect(await enrollments.getByRole('row').count()).toBe(5);
    for (let n = 1; n <= 4; n += 1)
      await enrollments.getByRole('cell', { name: `ED Nurse ${n}`, exact: true }).waitFor();
    await checkPage(page, 'admin-cohort-detail');

    await page.getByRole('button', { name: 'Exempt ED Nurse 1' }).click();
    await page.getByLabel('Reason').fill('Completed equivalent training elsewhere');
    await page.getByRole('dialog').getByRole('button', { name: 'Exempt', exact: true }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page
      .locator('dl > div')
      .filter({ has: page.getByText('Exempt', { exact: true }) })
      .locator('dd', { hasText: '1' })
      .waitFor();
    expect(await stat('Not started').innerText()).toBe('3');

    await openFromNavigation(page, 'Cohorts', 'Cohorts');
    await page.getByRole('link', { name: 'ED nurses' }).waitFor();
    await checkPage(page, 'admin-cohorts');
    await openFromNavigation(page, 'Sites and departments', 'Sites and departments');
    await page.getByRole('region', { name: 'Main', exact: true }).waitFor();
    await checkPage(page, 'admin-sites');
    await openFromNavigation(page, 'Notification log', 'Notification log');
    await page.getByRole('table', { name: /Mail owed/ }).waitFor();
    await checkPage(page, 'admin-notifications');
    await context.close();
  });

  it('saves an organization admin’s settings, showing a field error next to its field first', async () => {
    const { context, page } = await newPage(browser, baseUrl);
    await signIn(page, org.admin.user.email);
    await openFromNavigation(page, 'Organization settings', 'Organization settings');
    await control(page, 'Time zone').click();
    await control(page, 'Time zone').fill('Europe/Mad');
    await page.getByRole('option', { name: 'Europe/Madrid' }).click();
    await page.getByLabel('Sign out after minutes without activity').fill('30');
    await page.getByLabel('Start time').fill('21:00');
    await page.getByLabel('Sunday').uncheck();
    await page.getByRole('button', { name: 'Save settings' }).click();
    // The api names the end of the window: it must be later than the start.
    const end = page.getByLabel('End time');
    await page.getByText('reminderWindow.end must be later than reminderWindow.start').waitFor();
    expect(await end.getAttribute('aria-invalid')).toBe('true');
    await checkPage(page, 'admin-organization-error');

    await page.getByLabel('Start time').fill('09:00');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Saved').waitFor();
    const saved = await world
      .http()
      .get('/api/v1/organization')
      .set(...bearer(org.admin))
      .expect(200);
    expect(saved.body).toMatchObject({
      timezone: 'Europe/Madrid',
      idleSignOutMinutes: 30,
      reminderWindow: { start: '09:00', end: '20:00', days: [1, 2, 3, 4, 5, 6] },
    });
    await checkPage(page, 'admin-organization');

    await openFromNavigation(page, 'People', 'People');
    await page.getByRole('link', { name: 'educator person' }).click();
    await page.getByRole('heading', { level: 1, name: 'educator person' }).waitFor();
    await page.getByRole('button', { name: 'Deactivate' }).waitFor();
    await checkPage(page, 'admin-person');

    await openFromNavigation(page, 'Audit log', 'Audit log');
    await page.getByRole('cell', { name: 'Organization settings changed' }).first().waitFor();
    await checkPage(page, 'admin-audit');
    await context.close();
  });
});
