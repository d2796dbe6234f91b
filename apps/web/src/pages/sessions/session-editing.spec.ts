import { describe, expect, it } from '@jest/globals';
import { session } from './live-session.fixture';
import { isEditable } from './session-editing';

describe('isEditable', () => {
  const now = Date.parse('2031-07-04T15:00:00.000Z');

  it('allows a draft or scheduled session until it ends', () => {
    expect(isEditable(session, now)).toBe(true);
    expect(isEditable({ ...session, status: 'draft' }, now)).toBe(true);
    expect(isEditable(session, Date.parse(session.endsAt))).toBe(false);
  });

  it('refuses a cancelled session', () => {
    expect(isEditable({ ...session, status: 'cancelled' }, now)).toBe(false);
  });
});
