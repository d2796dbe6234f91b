import { INestApplication, Logger } from '@nestjs/common';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installWebApp } from './web-app.setup';

describe('installWebApp', () => {
  let dir: string;
  let log: jest.SpyInstance;
  const use = jest.fn();
  const app = { use } as unknown as INestApplication;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'beacon-web-spec-'));
    log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    use.mockClear();
  });

  afterEach(() => {
    log.mockRestore();
    rmSync(dir, { recursive: true, force: true });
  });

  it('installs nothing and says so in one line when the web app is not built', () => {
    installWebApp(app, dir);
    expect(use).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0][0]).toMatch(/web app is not built/);
  });

  it('serves the web app once its index.html exists', () => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html>');
    installWebApp(app, dir);
    expect(use).toHaveBeenCalledTimes(2);
    expect(use.mock.calls[0][0]).toBe('/assets');
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0][0]).toMatch(/Serving the web app/);
  });
});
