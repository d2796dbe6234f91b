import type { Browser } from 'playwright-core';
import { checkPage, launchBrowser, newPage, signIn, startWebApp } from '../support/browser';
import { createDepartment, createSite } from '../support/learning';
import { TestApp, TestOrganization } from '../support/test-app';
import { until } from '../support/waiting';

// A browser path runs ~3x slower beside two other suites on 2 cores than alone.
jest.setTimeout(360_000);

describe('web app: the state requirement gaps page in Chromium', () => {
  let world: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let org: TestOrganization;

  beforeAll(async () => {
    // No PROVIDER_STATE_APPROVALS: no state counts any course, so every gap stays open and says why.
    ({ world, baseUrl } = await startWebApp());
    browser = await launchBrowser();
    org = await world.createOrganization('Mandate Health');
  });

  afterAll(async () => {
    await browser?.close();
    await world?.stop();
  });

  it('lists open gaps with their reason and unconfirmed badge, filters them, in English and Spanish', async () => {
    const siteId = await createSite(world, org.admin, 'Gap Main');
    const emergency = await createDepartment(world, org.admin, siteId, 'Emergency');
    await world.addMember(org, ['learner'], {
      name: 'Tess Texas',
      siteId,
      departmentId: emergency,
      license: { type: 'Registered Nurse', state: 'TX', expiresOn: '2027-06-30' },
    });
    await world.addMember(org, ['learner'], {
      name: 'Phil Physician',
      siteId,
      license: { type: 'M.D.', state: 'TX', expiresOn: '2027-01-31' },
    });
    await world.addMember(org, ['learner'], {
      name: 'Flo Florida',
      license: { type: 'LPN', state: 'FL', expiresOn: '2028-01-31' },
    });

    const { context, page } = await newPage(browser, baseUrl);
    await signIn(page, org.admin.user.email);
    await page
      .getByRole('navigation')
      .getByRole('link', { name: 'State requirement gaps', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'State requirement gaps' }).waitFor();
    const table = page.getByRole('table', { name: 'State requirement gaps' });
    await table.waitFor();
    await until('three gaps listed', async () => (await table.locator('tbody tr').count()) === 3);
    // Soonest due first: the physician (2027-01-31), the Texas nurse, then the Florida nurse.
    expect(await table.locator('tbody tr th').allInnerTexts()).toEqual([
      expect.stringContaining('Phil Physician'),
      expect.stringContaining('Tess Texas'),
      expect.stringContaining('Flo Florida'),
    ]);
    const physician = await table.locator('tbody tr').nth(0).innerText();
    // The badge is upper-cased by CSS: innerText shows it so.
    expect(physician).toMatch(/Unconfirmed rule/i);
    expect(physician).toContain('No approved course for this state and license');
    expect(await table.locator('tbody tr').nth(1).innerText()).toContain('Gap Main / Emergency');
    await checkPage(page, 'requirement-gaps');

    await page.getByLabel('License state', { exact: true }).selectOption('FL');
    await until('only Florida', async () => (await table.locator('tbody tr').count()) === 1);
    expect(await table.locator('tbody tr th').innerText()).toContain('Flo Florida');
    await page.getByLabel('Show', { exact: true }).selectOption('met');
    await page.getByText('No rows match these filters.').waitFor();
    await page.getByLabel('Show', { exact: true }).selectOption('open');
    await page.getByLabel('License state', { exact: true }).selectOption('');

    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { level: 1, name: 'Requisitos estatales pendientes' }).waitFor();
    await page.getByRole('table', { name: 'Requisitos estatales pendientes' }).waitFor();
    await page.getByText('Norma sin confirmar').waitFor();
    await checkPage(page, 'requirement-gaps-es');
    await page.getByRole('button', { name: 'English' }).click();
    await context.close();
  });
});
