import type { components } from '../api/schema';

type SessionResponse = components['schemas']['SessionResponse'];

/** Who is signed in, without the tokens: what pages may read. */
export type Session = Pick<
  SessionResponse,
  'user' | 'organizationId' | 'roles' | 'platformRoles' | 'memberships'
>;

/** Why the person is looking at the sign-in page: the page says so in words. */
export type SignOutReason = 'idle' | 'expired' | 'elsewhere';

export type SessionState =
  | { status: 'restoring' }
  | { status: 'signed-out'; reason: SignOutReason | null }
  | { status: 'signed-in'; session: Session };

let state: SessionState = { status: 'restoring' };
// The access token lives in this module's memory only: never in storage, never in React state or the DOM.
let accessToken: string | null = null;
const listeners = new Set<() => void>();

export const sessionStore = {
  get: (): SessionState => state,
  accessToken: (): string | null => accessToken,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  signedIn(body: SessionResponse): void {
    accessToken = body.accessToken;
    const { user, organizationId, roles, platformRoles, memberships } = body;
    set({ status: 'signed-in', session: { user, organizationId, roles, platformRoles, memberships } });
  },
  signedOut(reason: SignOutReason | null): void {
    accessToken = null;
    set({ status: 'signed-out', reason });
  },
  /** The signed-in person's new name, after they changed it. */
  renamed(name: string): void {
    if (state.status === 'signed-in')
      set({ status: 'signed-in', session: { ...state.session, user: { ...state.session.user, name } } });
  },
};

function set(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}
