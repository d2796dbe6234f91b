import { useSyncExternalStore } from 'react';
import { sessionStore, type Session, type SessionState } from './session.store';

export function useSessionState(): SessionState {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}

/** The signed-in person; for pages under the signed-in layout, which renders only with a session. */
export function useSession(): Session {
  const state = useSessionState();
  if (state.status !== 'signed-in') throw new Error('useSession() outside a signed-in page');
  return state.session;
}
