import { describe, expect, it, jest } from '@jest/globals';
import type { components } from '../api/schema';
import { sessionStore } from './session.store';

const response: components['schemas']['SessionResponse'] = {
  accessToken: 'access-token',
  expiresIn: 900,
  user: { id: 'u1', email: 'ana@example.test', name: 'Ana Ruiz' },
  organizationId: 'o1',
  roles: ['learner'],
  platformRoles: [],
  memberships: [],
};

// The store is one module-level state, as in the app: the steps below follow one another.
describe('sessionStore', () => {
  it('is restoring until the first answer', () => {
    expect(sessionStore.get()).toEqual({ status: 'restoring' });
    expect(sessionStore.accessToken()).toBeNull();
  });

  it('keeps the access token out of the session pages read, and tells every listener', () => {
    const listener = jest.fn();
    const unsubscribe = sessionStore.subscribe(listener);
    sessionStore.signedIn(response);
    unsubscribe();
    const state = sessionStore.get();
    expect(state.status).toBe('signed-in');
    expect(JSON.stringify(state)).not.toContain('access-token');
    expect(sessionStore.accessToken()).toBe('access-token');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('renames the signed-in person and leaves the rest of the session as it was', () => {
    sessionStore.renamed('Ana R. Ortiz');
    const state = sessionStore.get();
    expect(state).toMatchObject({
      status: 'signed-in',
      session: { user: { id: 'u1', name: 'Ana R. Ortiz' } },
    });
  });

  it('forgets the token on sign-out, says why, and ignores a rename after it', () => {
    sessionStore.signedOut('idle');
    sessionStore.renamed('Someone');
    expect(sessionStore.get()).toEqual({ status: 'signed-out', reason: 'idle' });
    expect(sessionStore.accessToken()).toBeNull();
  });

  it('stops telling a listener that unsubscribed', () => {
    const listener = jest.fn();
    sessionStore.subscribe(listener)();
    sessionStore.signedOut(null);
    expect(listener).not.toHaveBeenCalled();
  });
});
