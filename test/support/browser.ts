import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { PASSWORD, TestApp, type StartOptions } from './test-app';

export const WEB_DIST_DIR = join(__dirname, '..', '..', 'dist', 'apps', 'web');
const SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');
export const WIDTHS = [1280, 360] as const;
const HEIGHT = 900;

/** Debian's Chromium (`apt-get install chromium`); Playwright's own browser download is unreachable here. */
function chromiumPath(): string {
  return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    // Without the background-networking flags Chromium keeps dialling Google's hosts on this closed network.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * A suite's world with its api listening on a real port and serving the web app built by global-setup: the
 * browser talks to it exactly as to `npm start`.
 */
export async function startWebApp(options: StartOptions = {}): Promise<{ world: TestApp; baseUrl: string }> {
  const world = await TestApp.start({ ...options, env: { WEB_DIST_DIR, ...options.env } });
  await world.app.listen(0, '127.0.0.1');
  const { port } = world.app.getHttpServer().address() as AddressInfo;
  // localhost, not 127.0.0.1: a secure context (Web Locks, Secure cookies) without TLS.
  return { world, baseUrl: `http://localhost:${port}` };
}

/** Script errors each page logged: uncaught exceptions, and React's errors (which it logs to the console). */
const scriptErrors = new WeakMap<Page, string[]>();

function watchScriptErrors(page: Page): void {
  const errors: string[] = [];
  scriptErrors.set(page, errors);
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    // Chromium logs every 4xx answer as an error; the tests provoke those on purpose (and the api answers them).
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      errors.push(`console: ${message.text()}`);
  });
}

/** A fresh browser context (cookies, storage) at desktop width; @axe-core/playwright needs newContext pages. */
export async function newPage(
  browser: Browser,
  baseURL: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, viewport: { width: WIDTHS[0], height: HEIGHT } });
  context.on('page', watchScriptErrors);
  return { context, page: await context.newPage() };
}

/** Fails naming every script error the page has logged so far (see `watchScriptErrors`). */
export function expectNoScriptErrors(page: Page): void {
  expect(scriptErrors.get(page) ?? []).toEqual([]);
}

/** Axe at WCAG 2.0/2.1 A and AA on the page as it is now, at 1280 px and at 360 px; fails naming each violation. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const original = page.viewportSize() ?? { width: WIDTHS[0], height: HEIGHT };
  try {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: HEIGHT });
      // Legacy mode runs axe.run in the page itself. The default runs each frame partially and finishes in a new
      // blank page per call, which measured 1.2 s against 0.66 s on a small page (5.0 s against 2.7 s on the
      // 10-module player) and made axe most of every browser suite's time; the app has no iframes to reach.
      const { violations } = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .setLegacyMode(true)
        .analyze();
      const found = violations.map(
        (violation) =>
          `${width}px ${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      );
      expect(found).toEqual([]);
    }
  } finally {
    await page.setViewportSize(original);
  }
}

/** Saves docs/screenshots/<name>-<width>.png at both widths, what a person sees first (the README shows three). */
export async function screenshot(page: Page, name: string): Promise<void> {
  // A CI run's clone is thrown away with its pictures: the ~200 shots would only lengthen the run.
  if (process.env.CI === 'true') return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  const original = page.viewportSize() ?? { width: WIDTHS[0], height: HEIGHT };
  try {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: HEIGHT });
      // Transitions finished at once: the shell's navbar and padding animate when the width crosses a breakpoint.
      await page.screenshot({
        path: join(SCREENSHOTS, `${name}-${width}.png`),
        // The viewport, not the full page: a 10-module course page is a 5 MB image, and no reader scrolls a README.
        animations: 'disabled',
      });
    }
  } finally {
    await page.setViewportSize(original);
  }
}

/** What every visited page must pass: no axe violations at either width, and its screenshots. */
export async function checkPage(page: Page, name: string): Promise<void> {
  // The page at rest: a pointer left over the last button clicked would show (and check) its hover colours.
  await page.mouse.move(0, 0);
  expectNoScriptErrors(page);
  await expectNoAxeViolations(page);
  await screenshot(page, name);
}

/** Signs in through the sign-in page, as a person does, and waits for the signed-in layout. */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}
