import { readFileSync } from 'node:fs';
import { APP_CONFIG } from '@beacon/core/config';
import type { Browser, Page } from 'playwright-core';
import {
  type BankQuestion,
  createDepartment,
  createDepartmentCohort,
  createSite,
  findHt101,
  questionBank,
} from '../support/learning';
import { isInvitation } from '../support/mail-sink';
import { checkPage, expectNoAxeViolations, launchBrowser, newPage, startWebApp } from '../support/browser';
import { bearer, PASSWORD, TestApp, TestOrganization } from '../support/test-app';

// A browser path runs ~3x slower beside two other suites on 2 cores than alone (learner: 62 s alone, over 180 s in `npm test`).
jest.setTimeout(360_000);

const COURSE = /Human Trafficking/;

describe('web app: a learner from the invitation mail to a verified certificate, in Chromium', () => {
  let world: TestApp;
  let baseUrl: string;
  let browser: Browser;
  let org: TestOrganization;
  let departmentId: string;
  let bank: BankQuestion[];

  /** MODULE_MIN_TIME_SHARE as the running api reads it on each request (the suite starts with 0). */
  const setModuleTimeShare = (share: number) => {
    (world.app.get(APP_CONFIG) as { moduleMinTimeShare: number }).moduleMinTimeShare = share;
  };

  beforeAll(async () => {
    ({ world, baseUrl } = await startWebApp());
    browser = await launchBrowser();
    org = await world.createOrganization('Learner Health');
    const course = await findHt101(world, org.admin);
    bank = await questionBank(world, await world.platformAdmin(), course.id);
    const siteId = await createSite(world, org.admin, 'Learner Main');
    departmentId = await createDepartment(world, org.admin, siteId, 'Learner ED');
    await createDepartmentCohort(world, org.admin, course.id, departmentId, 'Learner ED training');
  });

  afterAll(async () => {
    setModuleTimeShare(0);
    await browser?.close();
    await world?.stop();
  });

  /** Marks every module complete, in order, as a keyboard user would press each button. */
  async function completeEveryModule(page: Page, button: string, done: RegExp): Promise<void> {
    const buttons = page.getByRole('button', { name: button, exact: true });
    while ((await buttons.count()) > 0) {
      const before = await buttons.count();
      await buttons.first().click();
      // The button leaves the module once the api has recorded its completion.
      for (let waited = 0; (await buttons.count()) >= before; waited += 50) {
        expect(waited).toBeLessThan(30_000);
        await page.waitForTimeout(50);
      }
    }
    await page.getByRole('status').filter({ hasText: done }).waitFor();
  }

  /** Answers each question (a radio group named by its prompt) with the bank's correct choice. */
  async function answerRight(page: Page): Promise<void> {
    const groups = page.getByRole('radiogroup');
    await groups.first().waitFor();
    for (let index = 0; index < (await groups.count()); index += 1) {
      const labelId = (await groups.nth(index).getAttribute('aria-labelledby')) ?? '';
      const prompt = await page.locator(`[id="${labelId}"]`).innerText();
      const question = bank.find((q) => prompt.includes(q.prompt));
      const correct = question?.choices.find((choice) => choice.correct);
      expect(correct).toBeDefined();
      await page
        .getByRole('radiogroup', { name: question?.prompt })
        .getByRole('radio', { name: correct?.text, exact: true })
        .check();
    }
  }

  it('accepts the mailed invitation, completes the course, fails then passes, evaluates, downloads and verifies', async () => {
    const email = world.email('learner');
    await world
      .http()
      .post('/api/v1/members')
      .set(...bearer(org.admin))
      .send({ email, name: 'Lena Learner', roles: ['learner'], departmentId })
      .expect(201);
    const mail = await world.mail.waitForMatching(email, isInvitation);
    const link = new URL(/https?:\/\/\S+\/invite\?token=[A-Za-z0-9_-]+/.exec(mail.text)?.[0] ?? '');

    const { context, page } = await newPage(browser, baseUrl);
    await page.goto(`/invite${link.search}`);
    await page.getByLabel('Name').fill('Lena Learner');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Accept invitation' }).click();
    await page.waitForURL('**/learn');
    await page.getByRole('heading', { name: 'My training' }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: COURSE }).click();
    await page.getByRole('heading', { name: 'What you will learn' }).waitFor();
    await page.getByRole('status').filter({ hasText: '0 of 10 modules done' }).waitFor();
    await checkPage(page, 'player');
    await completeEveryModule(page, 'Mark module complete', /10 of 10 modules done/);

    // A failed attempt first: nothing answered.
    await page.getByRole('button', { name: 'Start assessment' }).click();
    await page.getByRole('radiogroup').first().waitFor();
    await checkPage(page, 'assessment');
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await page.getByRole('heading', { name: 'Not passed' }).waitFor();
    await page.getByText('Your score: 0%').waitFor();
    await page.getByText('2 attempts left').waitFor();
    await checkPage(page, 'assessment-not-passed');

    await page.getByRole('button', { name: 'Try again' }).click();
    await answerRight(page);
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await page.getByRole('heading', { name: 'Passed', exact: true }).waitFor();
    await page.getByText('Your score: 100%').waitFor();

    await page.getByRole('radiogroup', { name: 'Objectives met' }).getByRole('radio', { name: '5' }).check();
    await page
      .getByRole('radiogroup', { name: 'Relevant to my practice' })
      .getByRole('radio', { name: '4' })
      .check();
    await page.getByLabel('Comments').fill('Clear and practical.');
    await expect(page.getByRole('checkbox', { name: 'I noticed commercial bias' }).isChecked()).resolves.toBe(
      false,
    );
    await checkPage(page, 'evaluation');
    await page.getByRole('button', { name: 'Submit evaluation' }).click();

    const download = page.getByRole('link', { name: 'Download certificate' });
    await download.waitFor();
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    const pdf = readFileSync((await file.path()) as string);
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');

    await page.getByRole('navigation').getByRole('link', { name: 'My certificates' }).click();
    await page.getByRole('heading', { name: 'My certificates' }).waitFor();
    await page.getByText(COURSE).first().waitFor();
    await checkPage(page, 'certificates');
    const [again] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download certificate' }).click(),
    ]);
    expect(
      readFileSync((await again.path()) as string)
        .subarray(0, 4)
        .toString(),
    ).toBe('%PDF');
    await page.getByRole('link', { name: 'Public verification page' }).click();
    await page.getByText('Valid', { exact: true }).waitFor();
    await page.getByText('Lena Learner').waitFor();
    await expectNoAxeViolations(page);
    await context.close();
  });

  it('keeps preferences: name, password (other sessions end) and the language', async () => {
    const { email } = await world.addMember(org, ['learner', 'manager'], { departmentId });
    const { context, page } = await newPage(browser, baseUrl);
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // A manager starts on the team view.
    await page.waitForURL('**/team');
    await page.getByRole('navigation').getByRole('link', { name: 'Preferences' }).click();
    await page.getByRole('heading', { name: 'Preferences', level: 1 }).waitFor();
    await page.getByLabel('Escalation digest').waitFor();
    await checkPage(page, 'preferences');

    await page.getByLabel('Name', { exact: true }).fill('Pat Preferred');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByRole('navigation').getByText('Pat Preferred').waitFor();

    await page.getByLabel('Current password').fill('not my password at all');
    await page.getByLabel('New password').fill('a brand new passphrase');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('currentPassword is not your current password').waitFor();
    await page.getByLabel('Current password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your other sessions were signed out.', { exact: false }).waitFor();

    await page.getByLabel('Escalation digest').selectOption('weekly');
    await page.getByRole('button', { name: 'Save digest' }).click();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await page.getByRole('heading', { name: 'Preferencias', level: 1 }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    const [saved] = await world.ownerQuery<{ name: string }>('SELECT name FROM users WHERE email = $1', [
      email,
    ]);
    expect(saved.name).toBe('Pat Preferred');
    await context.close();
  });

  it('runs a Spanish learner’s course, assessment and result in Spanish', async () => {
    const { email, session } = await world.addMember(org, ['learner'], { departmentId });
    await world
      .http()
      .patch('/api/v1/me')
      .set(...bearer(session))
      .send({ preferences: { locale: 'es' } })
      .expect(200);
    const { context, page } = await newPage(browser, baseUrl);
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Mi formación' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('es');

    await page.getByRole('link', { name: COURSE }).click();
    await page.getByRole('heading', { name: 'Lo que aprenderá' }).waitFor();
    await checkPage(page, 'player-es');
    await completeEveryModule(page, 'Marcar módulo como completado', /10 de 10 módulos hechos/);
    await page.getByRole('button', { name: 'Comenzar la evaluación' }).click();
    await answerRight(page);
    await page.getByRole('button', { name: 'Enviar respuestas' }).click();
    await page.getByRole('heading', { name: 'Aprobado', exact: true }).waitFor();
    await page.getByText('Su puntuación: 100 %').waitFor();
    await page.getByRole('button', { name: 'Enviar evaluación' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    await checkPage(page, 'assessment-passed-es');
    await context.close();
  });

  it('shows, with a minimum reading time, when the module in view can be marked complete', async () => {
    const { email } = await world.addMember(org, ['learner'], { departmentId });
    setModuleTimeShare(0.5);
    const { context, page } = await newPage(browser, baseUrl);
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: COURSE }).click();
    await page
      .getByText(/You can mark this module complete at \d{1,2}:\d{2}/)
      .first()
      .waitFor();
    expect(await page.getByRole('button', { name: 'Mark module complete' }).first().isDisabled()).toBe(true);
    await checkPage(page, 'player-wait');
    await context.close();
  });
});
