import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  DEFAULT_IDLE_MINUTES,
  idleMinutes,
  idleTooLong,
  lastActivity,
  markActivity,
  rememberIdleMinutes,
} from './activity';
import { MemoryStorage, stubGlobal } from '../testing/browser-globals.fixture';

describe('idle tracking across tabs', () => {
  let restore: () => void;
  beforeEach(() => {
    restore = stubGlobal('localStorage', new MemoryStorage());
  });
  afterEach(() => restore());

  it('knows of no activity before any was marked', () => {
    expect(lastActivity()).toBeNull();
    expect(idleTooLong(Date.parse('2026-05-01T12:00:00Z'))).toBe(false);
  });

  it('reads back the activity another tab marked', () => {
    markActivity(1_700_000_000_000);
    expect(lastActivity()).toBe(1_700_000_000_000);
  });

  it('ignores a stored activity it cannot read', () => {
    localStorage.setItem('beacon.lastActivity', 'yesterday');
    expect(lastActivity()).toBeNull();
  });

  it('uses the default idle limit until the organization sets one, and ignores a nonsense one', () => {
    expect(idleMinutes()).toBe(DEFAULT_IDLE_MINUTES);
    rememberIdleMinutes(30);
    expect(idleMinutes()).toBe(30);
    rememberIdleMinutes(0);
    expect(idleMinutes()).toBe(DEFAULT_IDLE_MINUTES);
  });

  it('is idle too long from the moment the limit has passed since the last activity', () => {
    const at = Date.parse('2026-05-01T12:00:00Z');
    rememberIdleMinutes(10);
    markActivity(at);
    expect(idleTooLong(at + 10 * 60_000 - 1)).toBe(false);
    expect(idleTooLong(at + 10 * 60_000)).toBe(true);
  });
});
