import type { Browser } from 'playwright-core';
import { checkPage, launchBrowser, newPage, signIn, startWebApp } from '../support/browser';
import { bearer, TestApp, TestOrganization } from '../support/test-app';

// A browser path runs ~3x slower beside two other suites on 2 cores than alone.
jest.setTimeout(240_000);

describe('web app: an educator schedules a report, pauses and deletes it in Chromium', () => {
  let world: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let org: TestOrganization;

  beforeAll(async () => {
    ({ world, baseUrl } = await startWebApp());
    browser = await launchBrowser();
    org = await world.createOrganization('Schedule Web Health');
  });

  afterAll(async () => {
    await browser?.close();
    await world?.stop();
  });

  it('creates a monthly schedule for chosen staff, sees it listed with its next run, and passes axe', async () => {
    const educator = await world.addMember(org, ['educator'], { name: 'Edie Educator' });
    await world.addMember(org, ['learner'], { name: 'Lou Learner' });
    const { context, page } = await newPage(browser, baseUrl);
    await signIn(page, educator.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Reports', exact: true }).click();
    await page.getByRole('link', { name: /^Report schedules/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Report schedules' }).waitFor();
    await page.getByText('No reports are scheduled yet. Schedule one above.').waitFor();
    // Only staff (and oneself) can be chosen: a learner is not offered.
    await page.getByRole('checkbox', { name: `Edie Educator (${educator.email})` }).waitFor();
    expect(await page.getByRole('checkbox', { name: /Lou Learner/ }).count()).toBe(0);
    await checkPage(page, 'report-schedules-empty');

    // Nobody chosen: the form says so next to the field.
    await page.getByRole('button', { name: 'Schedule report' }).click();
    await page.getByText('Choose at least one recipient.').waitFor();

    await page.getByLabel('Report', { exact: true }).selectOption({ label: 'Overdue training' });
    await page.getByLabel('Format').selectOption({ label: 'CSV' });
    await page.getByLabel('Frequency').selectOption({ label: 'Monthly (the 1st)' });
    await page.getByRole('checkbox', { name: `Edie Educator (${educator.email})` }).check();
    await page
      .getByRole('checkbox', { name: new RegExp(org.admin.user.email.replace(/[.+]/g, '\\$&')) })
      .check();
    await page.getByRole('button', { name: 'Schedule report' }).click();

    const table = page.getByRole('table');
    const row = table.getByRole('row', { name: /Overdue training/ });
    await row.waitFor();
    await row.getByText('Monthly (the 1st)').waitFor();
    await row.getByText(org.admin.user.email).waitFor();
    await row.getByText(/^in \d+ (days|hours|minutes) \(.*6:00 AM C[SD]T\)$/).waitFor();
    await checkPage(page, 'report-schedules');
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { level: 1, name: 'Informes programados' }).waitFor();
    const fila = table.getByRole('row', { name: /Capacitación vencida/ });
    await fila.getByText('Mensual (el día 1)').waitFor();
    await fila.getByText(/^dentro de \d+ (días|horas|minutos) \(/).waitFor();
    await page.getByLabel('Destinatarios').first().waitFor();
    await checkPage(page, 'report-schedules-es');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Report schedules' }).waitFor();
    const listed = await world.ownerQuery<{ frequency: string; format: string; n: number }>(
      `SELECT frequency, format, cardinality(recipient_ids) AS n FROM report_schedules WHERE organization_id = $1`,
      [org.id],
    );
    expect(listed).toEqual([{ frequency: 'monthly', format: 'csv', n: 2 }]);

    // Pausing asks first, then shows the schedule paused.
    await page.getByRole('button', { name: 'Pause schedule: Overdue training, Monthly (the 1st)' }).click();
    const pauseDialog = page.getByRole('dialog');
    await pauseDialog
      .getByText('No report is built while the schedule is paused.', { exact: false })
      .waitFor();
    await pauseDialog.getByRole('button', { name: 'Yes, Pause' }).click();
    await row.getByText('Paused', { exact: true }).waitFor();
    await page
      .getByRole('button', { name: 'Resume schedule: Overdue training, Monthly (the 1st)' })
      .waitFor();

    // Deleting asks first; the list is then empty again.
    await page.getByRole('button', { name: 'Delete schedule: Overdue training, Monthly (the 1st)' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Yes, Delete' }).click();
    await page.getByText('No reports are scheduled yet. Schedule one above.').waitFor();
    expect(
      await world.ownerQuery('SELECT id FROM report_schedules WHERE organization_id = $1', [org.id]),
    ).toEqual([]);

    // The mail's link: the reports page, signed in, with the linked report marked in the list.
    const requested = await world
      .http()
      .post('/api/v1/reports')
      .set(...bearer(educator.session))
      .send({ type: 'overdue', format: 'csv' })
      .expect(202);
    await world
      .http()
      .post('/api/v1/reports')
      .set(...bearer(educator.session))
      .send({ type: 'compliance', format: 'csv' })
      .expect(202);
    await page.goto(`/reports?id=${requested.body.id}`);
    const marked = page.locator('tr[aria-current="true"]');
    await marked.getByText('Overdue training').waitFor();
    expect(await marked.count()).toBe(1);
    await checkPage(page, 'reports-linked');
    await context.close();
  });
});
