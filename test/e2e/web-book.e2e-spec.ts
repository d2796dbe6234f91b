import type { Browser, Page } from 'playwright-core';
import { checkPage, launchBrowser, newPage, startWebApp } from '../support/browser';
import type { TestApp } from '../support/test-app';

jest.setTimeout(360_000);

const INBOX = 'book-inbox@provider.test';

interface Labels {
  organization: string;
  name: string;
  email: string;
  phone: string;
  setting: string;
  format: string;
  staff: string;
  message: string;
  submit: string;
  honeypot: string;
}

const ENGLISH: Labels = {
  organization: 'Organization',
  name: 'Your name',
  email: 'Email',
  phone: 'Phone',
  setting: 'Setting',
  format: 'Format',
  staff: 'Number of staff',
  message: 'Message',
  submit: 'Send request',
  honeypot: 'Leave this field empty',
};

const SPANISH: Labels = {
  organization: 'Organización',
  name: 'Su nombre',
  email: 'Correo electrónico',
  phone: 'Teléfono',
  setting: 'Ámbito',
  format: 'Modalidad',
  staff: 'Número de empleados',
  message: 'Mensaje',
  submit: 'Enviar solicitud',
  honeypot: 'Deje este campo vacío',
};

describe('web app: /book, the public intake form, in Chromium', () => {
  let world: TestApp;
  let baseUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    ({ world, baseUrl } = await startWebApp({ env: { PROVIDER_INBOX: INBOX } }));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await world?.stop();
  });

  async function book(page: Page, labels: Labels, email: string, organizationName: string): Promise<string> {
    await page.getByRole('textbox', { name: labels.organization }).fill(organizationName);
    await page.getByRole('textbox', { name: labels.name }).fill('Dana <b>Doe</b>');
    await page.getByRole('textbox', { name: labels.email }).fill(email);
    await page.getByRole('textbox', { name: labels.phone }).fill('+1 512 555 0100');
    await page.getByRole('combobox', { name: labels.setting }).selectOption('satellite_clinic');
    await page.getByRole('combobox', { name: labels.format }).selectOption('either');
    await page.getByRole('spinbutton', { name: labels.staff }).fill('25');
    await page.getByRole('textbox', { name: labels.message }).fill('Night shift too, please.');
    // The honeypot is hidden from people and assistive technology alike.
    expect(await page.getByRole('textbox', { name: labels.honeypot }).count()).toBe(0);
    await page.getByRole('button', { name: labels.submit }).click();
    const status = page.getByRole('status');
    await status.waitFor();
    const match = /TR-\d{4}-\d{6}/.exec(await status.innerText());
    expect(match).not.toBeNull();
    return (match as RegExpExecArray)[0];
  }

  it('books a training in English: the confirmation shows the reference, the request is stored', async () => {
    const { context, page } = await newPage(browser, baseUrl);
    await page.goto('/book');
    await page.getByRole('heading', { name: 'Book a live training' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await checkPage(page, 'book');

    // A missing field is named next to it, in words, and nothing is sent.
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByText(/^organizationName /).waitFor();
    expect(await page.getByRole('textbox', { name: 'Organization' }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(await world.ownerQuery('SELECT id FROM training_requests')).toHaveLength(0);

    const email = world.email('booker');
    const reference = await book(page, ENGLISH, email, 'Hill Country Clinics');
    await checkPage(page, 'book-sent');
    const [row] = await world.ownerQuery<Record<string, unknown>>(
      `SELECT organization_name, contact_name, setting, format, staff_count, locale, status
         FROM training_requests WHERE reference = $1`,
      [reference],
    );
    expect(row).toEqual({
      organization_name: 'Hill Country Clinics',
      contact_name: 'Dana <b>Doe</b>',
      setting: 'satellite_clinic',
      format: 'either',
      staff_count: 25,
      locale: 'en',
      status: 'new',
    });
    const ack = await world.mail.waitFor(email);
    expect(ack.subject).toContain(reference);
    await context.close();
  });

  it('books a training in Spanish, and the acknowledgement is in Spanish', async () => {
    const { context, page } = await newPage(browser, baseUrl);
    await page.goto('/book');
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('heading', { name: 'Reservar una formación presencial' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    await checkPage(page, 'book-es');

    const email = world.email('reserva');
    const reference = await book(page, SPANISH, email, 'Clínicas del Valle');
    expect(await page.getByRole('status').innerText()).toContain('Su referencia es');
    const ack = await world.mail.waitFor(email);
    expect(ack.subject).toContain('Hemos recibido');
    expect(ack.subject).toContain(reference);
    await context.close();
  });
});
