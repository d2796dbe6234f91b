import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { checkPage, launchBrowser, newPage, signIn, startWebApp } from '../support/browser';
import { createCohort, findHt101 } from '../support/learning';
import { TestApp, TestOrganization } from '../support/test-app';

// A browser path runs ~3x slower beside two other suites on 2 cores than alone.
jest.setTimeout(240_000);

describe('web app: a manager requests a report, follows it and downloads it in Chromium', () => {
  let world: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let org: TestOrganization;

  beforeAll(async () => {
    ({ world, baseUrl } = await startWebApp());
    browser = await launchBrowser();
    org = await world.createOrganization('Report Web Health');
  });

  afterAll(async () => {
    await browser?.close();
    await world?.stop();
  });

  it('lists the overdue training of their reporting chain in a downloaded CSV', async () => {
    const course = await findHt101(world, org.admin);
    const manager = await world.addMember(org, ['manager'], { name: 'Rhea Reporter' });
    await world.addMember(org, ['learner'], {
      name: 'Olive Overdue',
      managerId: manager.memberId,
      jobTitle: 'RN',
    });
    await world.addMember(org, ['learner'], { name: 'Otto Outside', jobTitle: 'RN' });
    await createCohort(world, org.admin, {
      name: 'RN overdue',
      courseId: course.id,
      target: { jobTitles: ['RN'] },
      dueDate: '2024-01-15',
    });

    const { context, page } = await newPage(browser, baseUrl);
    await signIn(page, manager.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Reports', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    await page.getByText('No reports yet. Request one above.').waitFor();

    await page.getByLabel('Report', { exact: true }).selectOption({ label: 'Overdue training' });
    await page.getByLabel('Format').selectOption({ label: 'CSV' });
    await page.getByRole('button', { name: 'Request report' }).click();
    // The list is read again while the report is queued or running.
    const download = page.getByRole('button', { name: /^Download Overdue training report of / });
    await download.waitFor({ timeout: 60_000 });
    await page.getByText('Ready', { exact: true }).waitFor();
    await checkPage(page, 'reports');

    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toMatch(/^overdue-report-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync((await file.path()) as string, 'utf8');
    expect(text.startsWith('\ufeffMember,')).toBe(true);
    expect(text).toContain('Olive Overdue');
    expect(text).not.toContain('Otto Outside');
    await context.close();
  });
});
