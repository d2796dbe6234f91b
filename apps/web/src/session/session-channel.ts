import type { SignOutReason } from './session.store';

export type SessionMessage = { type: 'signed-in' } | { type: 'signed-out'; reason: SignOutReason | null };

const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('beacon-session');

/** Tells the other tabs of this browser that the session began or ended (a tab never hears its own messages). */
export function broadcast(message: SessionMessage): void {
  channel?.postMessage(message);
}

export function onSessionMessage(listener: (message: SessionMessage) => void): () => void {
  const handler = (event: MessageEvent<SessionMessage>) => listener(event.data);
  channel?.addEventListener('message', handler);
  return () => channel?.removeEventListener('message', handler);
}
