import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { stubGlobal } from '../testing/browser-globals.fixture';
import { withSessionLock } from './session-lock';

describe('withSessionLock', () => {
  let restore = () => {};
  afterEach(() => restore());

  it('runs the work directly where there is no browser', async () => {
    await expect(withSessionLock(async () => 'refreshed')).resolves.toBe('refreshed');
  });

  it('runs the work directly where Web Locks are missing (not a secure context)', async () => {
    restore = stubGlobal('navigator', {});
    await expect(withSessionLock(async () => 'refreshed')).resolves.toBe('refreshed');
  });

  it('runs the work under the one session lock and gives back its result', async () => {
    const request = jest.fn((_name: string, work: () => Promise<unknown>) => work());
    restore = stubGlobal('navigator', { locks: { request } });
    await expect(withSessionLock(async () => 'refreshed')).resolves.toBe('refreshed');
    expect(request).toHaveBeenCalledTimes(1);
    expect(request.mock.calls[0][0]).toBe('beacon-session');
  });
});
