import { api } from '../api/api-client';
import { ApiError, unwrap } from '../api/api-error';
import { createAuthMiddleware } from '../api/auth.middleware';
import type { components } from '../api/schema';
import { isLocale } from '../i18n/locale';
import { settleLocaleAfterSignIn } from '../i18n/locale-preference';
import { idleTooLong, markActivity } from './activity';
import { broadcast, onSessionMessage } from './session-channel';
import { withSessionLock } from './session-lock';
import { mayHaveSession } from './session-marker';
import { sessionStore, type SignOutReason } from './session.store';

type SessionResponse = components['schemas']['SessionResponse'];

let refreshing: Promise<string | null> | null = null;

/**
 * One refresh at a time in this tab (callers share it) and, through the lock, across tabs. The api keeps the
 * keep-me-signed-in choice of the sign-in with the cookie, so a refresh does not repeat it.
 */
export function refreshSession(): Promise<string | null> {
  refreshing ??= withSessionLock(async () => {
    const { data, response } = await api.POST('/api/v1/auth/refresh', {
      body: { cookie: true },
    });
    if (!response.ok || !data) return null;
    sessionStore.signedIn(data);
    return data.accessToken;
  }).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

api.use(
  createAuthMiddleware({
    accessToken: sessionStore.accessToken,
    async refresh() {
      const token = await refreshSession();
      if (!token && sessionStore.get().status === 'signed-in') endSession('expired');
      return token;
    },
  }),
);

/** The person's saved language after they signed in (or the one they just chose on the sign-in page). */
async function applySavedPreferences(): Promise<void> {
  try {
    const me = await unwrap(api.GET('/api/v1/me'));
    if (isLocale(me.preferences.locale)) await settleLocaleAfterSignIn(me.preferences.locale);
  } catch {
    // The page keeps its language; nothing else depends on this answer.
  }
}

async function begin(body: SessionResponse, announce: boolean): Promise<void> {
  markActivity();
  sessionStore.signedIn(body);
  if (announce) broadcast({ type: 'signed-in' });
  await applySavedPreferences();
}

export async function signIn(email: string, password: string, keepSignedIn: boolean): Promise<void> {
  const body = await unwrap(
    api.POST('/api/v1/auth/login', { body: { email, password, cookie: true, remember: keepSignedIn } }),
  );
  await begin(body, true);
}

export async function acceptInvitation(token: string, password: string, name?: string): Promise<void> {
  const body = await unwrap(
    api.POST('/api/v1/auth/invitations/accept', {
      body: { token, password, cookie: true, remember: false, ...(name ? { name } : {}) },
    }),
  );
  await begin(body, true);
}

export async function switchOrganization(organizationId: string): Promise<void> {
  const body = await unwrap(api.POST('/api/v1/auth/switch', { body: { organizationId, cookie: true } }));
  sessionStore.signedIn(body);
}

/** On page load: the HttpOnly cookie, if any, brings the session back (the page itself holds no token). */
export async function restoreSession(): Promise<void> {
  if (idleTooLong()) {
    // Left open at a shared workstation: whoever comes next must sign in again.
    if (mayHaveSession())
      await withSessionLock(() => api.POST('/api/v1/auth/logout', { body: {} })).catch(() => undefined);
    sessionStore.signedOut('idle');
    return;
  }
  const token = mayHaveSession() ? await refreshSession().catch(() => null) : null;
  if (!token) {
    sessionStore.signedOut(null);
    return;
  }
  markActivity();
  await applySavedPreferences();
}

function endSession(reason: SignOutReason | null): void {
  sessionStore.signedOut(reason);
  broadcast({ type: 'signed-out', reason });
}

/** Revokes the session's refresh family, then signs this tab and every other tab out. */
export async function signOut(reason: SignOutReason | null = null): Promise<void> {
  if (sessionStore.get().status !== 'signed-in') return;
  try {
    await withSessionLock(() => unwrap(api.POST('/api/v1/auth/logout', { body: {} })));
  } catch (error) {
    // Already over on the api (a 401): the page signs out all the same.
    if (!(error instanceof ApiError)) throw error;
  } finally {
    endSession(reason);
  }
}

onSessionMessage((message) => {
  const { status } = sessionStore.get();
  if (message.type === 'signed-out' && status === 'signed-in')
    sessionStore.signedOut(message.reason === 'idle' ? 'idle' : 'elsewhere');
  if (message.type === 'signed-in' && status === 'signed-out') void restoreSession();
});
