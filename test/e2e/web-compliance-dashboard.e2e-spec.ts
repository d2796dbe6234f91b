import type { Browser, Locator, Page } from 'playwright-core';
import { checkPage, launchBrowser, newPage, signIn, startWebApp } from '../support/browser';
import { createCohort, createDepartment, createSite, findHt101 } from '../support/learning';
import { bearer, Session, TestApp, TestOrganization } from '../support/test-app';
import { until } from '../support/waiting';

// A browser path runs ~3x slower beside two other suites on 2 cores than alone.
jest.setTimeout(360_000);

interface Totals {
  enrolled: number;
  completed: number;
  overdue: number;
  exempt: number;
  completionRate: number | null;
}

/** The headline figure under a label (the totals are one description list). */
function figure(page: Page, label: string): Locator {
  return page
    .locator('dl dt')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .locator('xpath=following-sibling::dd');
}

/** A table row's cells after its header cell, as shown. */
async function rowOf(table: Locator, name: string): Promise<string[]> {
  return table
    .getByRole('row')
    .filter({ has: table.page().getByRole('rowheader', { name, exact: true }) })
    .getByRole('cell')
    .allTextContents();
}

describe('web app: the compliance dashboard in Chromium', () => {
  let world: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let org: TestOrganization;
  let manager: { memberId: string; email: string; session: Session };
  const places = { north: '', emergency: '', south: '', walkIn: '' };

  async function totals(session: Session, query = ''): Promise<Totals> {
    const res = await world
      .http()
      .get(`/api/v1/compliance/summary?groupBy=site${query}`)
      .set(...bearer(session))
      .expect(200);
    return res.body.totals as Totals;
  }

  async function setStatus(memberId: string, status: 'completed' | 'exempt'): Promise<void> {
    await world.ownerQuery(
      status === 'completed'
        ? `UPDATE enrollments SET status = 'completed', completed_at = now() WHERE membership_id = $1`
        : `UPDATE enrollments SET status = 'exempt', exempt_reason = 'On leave' WHERE membership_id = $1`,
      [memberId],
    );
  }

  beforeAll(async () => {
    ({ world, baseUrl } = await startWebApp());
    browser = await launchBrowser();
    org = await world.createOrganization('Dashboard Health');
    const course = await findHt101(world, org.admin);
    places.north = await createSite(world, org.admin, 'North Campus');
    places.emergency = await createDepartment(world, org.admin, places.north, 'Emergency');
    places.south = await createSite(world, org.admin, 'South Clinic');
    places.walkIn = await createDepartment(world, org.admin, places.south, 'Walk-in');
    manager = await world.addMember(org, ['manager'], { name: 'Mona Manager' });
    const north = { siteId: places.north, departmentId: places.emergency, jobTitle: 'RN' };
    const south = { siteId: places.south, departmentId: places.walkIn, jobTitle: 'RN' };
    const avery = await world.addMember(org, ['learner'], {
      name: 'Avery Done',
      ...north,
      managerId: manager.memberId,
    });
    await world.addMember(org, ['learner'], { name: 'Blake Late', ...north, managerId: manager.memberId });
    const casey = await world.addMember(org, ['learner'], { name: 'Casey Done', ...south });
    await world.addMember(org, ['learner'], { name: 'Dana Late', ...south });
    const eve = await world.addMember(org, ['learner'], { name: 'Eve Exempt', ...south });
    // Every RN is due long ago: those neither completed nor exempt are overdue.
    await createCohort(world, org.admin, {
      name: 'RN annual',
      courseId: course.id,
      target: { jobTitles: ['RN'] },
      dueDate: '2024-01-15',
    });
    // Owner updates, as a learner finishing would: the rollup triggers count them.
    await setStatus(avery.memberId, 'completed');
    await setStatus(casey.memberId, 'completed');
    await setStatus(eve.memberId, 'exempt');
  });

  afterAll(async () => {
    await browser?.close();
    await world?.stop();
  });

  it('shows an org admin the totals, groups, trend and overdue list; filters live in the URL; in Spanish', async () => {
    const expected = await totals(org.admin);
    expect(expected).toMatchObject({ enrolled: 5, completed: 2, overdue: 2, exempt: 1, completionRate: 0.5 });

    const { context, page } = await newPage(browser, baseUrl);
    await signIn(page, org.admin.user.email);
    // The start page stays the cohorts list.
    await page.waitForURL(/\/admin\/cohorts$/);
    await page
      .getByRole('navigation')
      .getByRole('link', { name: 'Compliance dashboard', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Compliance dashboard' }).waitFor();
    await figure(page, 'Enrolled').waitFor();
    expect(await figure(page, 'Enrolled').innerText()).toBe(String(expected.enrolled));
    expect(await figure(page, 'Completed').innerText()).toBe(String(expected.completed));
    expect(await figure(page, 'Completion rate').innerText()).toBe('50%');
    expect(await figure(page, 'Overdue').innerText()).toBe(String(expected.overdue));
    expect(await figure(page, 'Exempt').innerText()).toBe(String(expected.exempt));

    // By site (the default): the chart is one image named by its summary, its table is in the page.
    await page
      .getByRole('img', { name: /^Completion by site: North Campus 50% \(1 of 2 completed/ })
      .waitFor();
    const bySite = page.getByRole('table', { name: 'Completion by site' });
    expect(await rowOf(bySite, 'South Clinic')).toEqual(['3', '1', '0', '1', '1', '1', '50%']);

    await page.getByLabel('Group by').selectOption({ label: 'Department' });
    await page.waitForURL(/groupBy=department/);
    // The navigation still marks the page as the current one, whatever view the URL holds.
    const entry = page
      .getByRole('navigation')
      .getByRole('link', { name: 'Compliance dashboard', exact: true });
    expect(await entry.getAttribute('aria-current')).toBe('page');
    const byDepartment = page.getByRole('table', { name: 'Completion by department' });
    await byDepartment.waitFor({ state: 'attached' });
    // enrolled, completed, in progress, not started, overdue, exempt, rate
    expect(await rowOf(byDepartment, 'Emergency')).toEqual(['2', '1', '0', '1', '1', '0', '50%']);
    expect(await rowOf(byDepartment, 'Walk-in')).toEqual(['3', '1', '0', '1', '1', '1', '50%']);
    expect(await byDepartment.getByRole('rowheader').count()).toBe(2);

    // The table shown instead of the chart, by keyboard.
    const groups = page.locator('section').filter({
      has: page.getByRole('heading', { level: 2, name: 'Completion by department' }),
    });
    await groups.getByRole('switch', { name: 'Show as table' }).focus();
    await page.keyboard.press('Space');
    await until('the table on screen', () => byDepartment.isVisible());
    expect(await groups.getByRole('img').count()).toBe(0);

    // The weekly trend: this week's two completions are in its table.
    const trend = page.getByRole('table', { name: 'Weekly trend, last 12 weeks' });
    await trend.waitFor({ state: 'attached' });
    expect(await trend.getByRole('rowheader').count()).toBe(12);
    expect(await trend.getByRole('row').last().getByRole('cell').allTextContents()).toEqual([
      '2',
      '4',
      '2',
      '50%',
    ]);
    await page.getByRole('img', { name: /^Completion rate by week from / }).waitFor();

    // Who is overdue, most overdue first.
    const overdue = page.getByRole('table', { name: 'Overdue training' });
    await until('two overdue', async () => (await overdue.getByRole('rowheader').count()) === 2);
    expect((await overdue.getByRole('rowheader').allInnerTexts()).sort()).toEqual([
      'Blake Late',
      'Dana Late',
    ]);
    await checkPage(page, 'compliance-dashboard');

    // A site filter narrows the figures and is written to the URL; the link alone reproduces the view.
    await page.getByLabel('Site', { exact: true }).selectOption({ label: 'South Clinic' });
    await page.waitForURL((url) => url.searchParams.get('siteId') === places.south);
    await until('the south clinic only', async () => (await figure(page, 'Enrolled').innerText()) === '3');
    expect(await figure(page, 'Overdue').innerText()).toBe(
      String((await totals(org.admin, `&siteId=${places.south}`)).overdue),
    );
    expect(await byDepartment.getByRole('rowheader').allInnerTexts()).toEqual(['Walk-in']);
    await page.goto(page.url());
    await page.getByRole('heading', { level: 1, name: 'Compliance dashboard' }).waitFor();
    await until('the filtered view again', async () => (await figure(page, 'Enrolled').count()) === 1);
    expect(await figure(page, 'Enrolled').innerText()).toBe('3');
    expect(await page.getByLabel('Site', { exact: true }).inputValue()).toBe(places.south);
    expect(await page.getByLabel('Group by').inputValue()).toBe('department');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await until(
      'the whole organization again',
      async () => (await figure(page, 'Enrolled').innerText()) === '5',
    );
    expect(new URL(page.url()).searchParams.get('siteId')).toBeNull();

    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { level: 1, name: 'Panel de cumplimiento' }).waitFor();
    await page.getByRole('table', { name: 'Finalización por departamento' }).waitFor({ state: 'attached' });
    expect(await figure(page, 'Tasa de finalización').innerText()).toMatch(/^50\s?%$/);
    await checkPage(page, 'compliance-dashboard-es');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Compliance dashboard' }).waitFor();
    await context.close();
  });

  it("shows a manager only their reporting chain's numbers", async () => {
    const expected = await totals(manager.session);
    expect(expected).toMatchObject({ enrolled: 2, completed: 1, overdue: 1, exempt: 0 });

    const { context, page } = await newPage(browser, baseUrl);
    await signIn(page, manager.email);
    await page
      .getByRole('navigation')
      .getByRole('link', { name: 'Compliance dashboard', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Compliance dashboard' }).waitFor();
    await figure(page, 'Enrolled').waitFor();
    expect(await figure(page, 'Enrolled').innerText()).toBe('2');
    expect(await figure(page, 'Completed').innerText()).toBe('1');
    expect(await figure(page, 'Overdue').innerText()).toBe('1');
    const bySite = page.getByRole('table', { name: 'Completion by site' });
    expect(await bySite.getByRole('rowheader').allInnerTexts()).toEqual(['North Campus']);
    const overdue = page.getByRole('table', { name: 'Overdue training' });
    await until('one overdue', async () => (await overdue.getByRole('rowheader').count()) === 1);
    expect(await overdue.getByRole('rowheader').allInnerTexts()).toEqual(['Blake Late']);
    await checkPage(page, 'compliance-dashboard-manager');
    await context.close();
  });

  it('names the filters of a link that do not fit, and tells an admin with nothing enrolled how to start', async () => {
    const empty = await world.createOrganization('Quiet Health');
    const { context, page } = await newPage(browser, baseUrl);
    await signIn(page, empty.admin.user.email);
    // A link naming a site of another organization (or none): the api's refusal is shown, and the way out.
    await page.goto(`/compliance?siteId=${places.north}`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).toMatch(/These filters do not fit[\s\S]*: Site\./);
    await checkPage(page, 'compliance-dashboard-refused');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByText('No one is enrolled in training yet.', { exact: false }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.getByRole('link', { name: 'Create a cohort' }).click();
    await page.waitForURL(/\/admin\/cohorts\/new$/);
    await context.close();
  });
});
