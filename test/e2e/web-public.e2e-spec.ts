import type { Browser } from 'playwright-core';
import {
  addEnrolledLearner,
  createDepartment,
  createDepartmentCohort,
  createSite,
  findHt101,
  loadAnswerKey,
  passCourse,
} from '../support/learning';
import { checkPage, launchBrowser, newPage, startWebApp } from '../support/browser';
import { bearer, TestApp } from '../support/test-app';

// A browser path runs ~3x slower beside two other suites on 2 cores than alone (learner: 62 s alone, over 180 s in `npm test`).
jest.setTimeout(360_000);

describe('web app: public pages in Chromium', () => {
  let world: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let validCode: string;
  let revokedCode: string;

  beforeAll(async () => {
    ({ world, baseUrl } = await startWebApp());
    browser = await launchBrowser();
    const org = await world.createOrganization('Verify Health');
    const platform = await world.platformAdmin();
    const course = await findHt101(world, org.admin);
    const key = await loadAnswerKey(world, platform, course.id);
    const siteId = await createSite(world, org.admin, 'Verify Main');
    const departmentId = await createDepartment(world, org.admin, siteId, 'ED');
    await createDepartmentCohort(world, org.admin, course.id, departmentId, 'ED verify');
    const codes: string[] = [];
    for (const name of ['Rosa Alvarez', 'Sam Okafor']) {
      const learner = await addEnrolledLearner(world, org, { name, departmentId });
      const moduleIds = course.modules.map((m) => m.id);
      const result = await passCourse(world, learner.session, learner.enrollmentId, moduleIds, key);
      const certificate = await world
        .http()
        .get(`/api/v1/certificates/${result.certificateId}`)
        .set(...bearer(learner.session))
        .expect(200);
      codes.push(certificate.body.verificationCode);
      if (name === 'Sam Okafor')
        await world
          .http()
          .post(`/api/v1/certificates/${result.certificateId}/revoke`)
          .set(...bearer(org.admin))
          .send({ reason: 'Issued in error' })
          .expect(200);
    }
    [validCode, revokedCode] = codes;
  });

  afterAll(async () => {
    await browser?.close();
    await world?.stop();
  });

  it('verifies a valid certificate: learner, course, credits, date and Valid', async () => {
    const { context, page } = await newPage(browser, baseUrl);
    await page.goto(`/verify/${validCode}`);
    await page.getByRole('heading', { name: 'Certificate verification' }).waitFor();
    await page.getByText('Valid', { exact: true }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain('Rosa Alvarez');
    expect(text).toContain('Human Trafficking');
    expect(text).toMatch(/Credits\s+[\d.]+ hours?/);
    expect(text).toMatch(/Completed on\s+\w{3} \d{1,2}, \d{4}/);
    expect(text).not.toContain('Revoked');
    await checkPage(page, 'verify-valid');
    await context.close();
  });

  it('shows Revoked for a revoked certificate and says so in words for an unknown code', async () => {
    const { context, page } = await newPage(browser, baseUrl);
    await page.goto(`/verify/${revokedCode}`);
    await page.getByText('Revoked', { exact: true }).waitFor();
    expect(await page.locator('main').innerText()).toContain('Sam Okafor');
    await checkPage(page, 'verify-revoked');

    await page.goto('/verify/NOT-A-CODE');
    await page.getByRole('alert').filter({ hasText: 'No certificate has this verification code' }).waitFor();
    await context.close();
  });

  it('answers an unknown address with a 404 page that keeps the language switch', async () => {
    const { context, page } = await newPage(browser, baseUrl);
    await page.goto('/no/such/page');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await page.getByRole('button', { name: 'Español' }).waitFor();
    await checkPage(page, 'not-found');
    await context.close();
  });
});
