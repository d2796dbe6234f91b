import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/api-client';
import { unwrap } from '../../api/api-error';
import type { components } from '../../api/schema';

export type LiveSession = components['schemas']['LiveSessionView'];
export type MyLiveSession = components['schemas']['MyLiveSessionView'];
export type MyRegistration = components['schemas']['MyRegistrationView'];
export type RosterEntry = components['schemas']['RosterEntryView'];

const HOUR = 60 * 60 * 1000;

/**
 * The range the lists read: from twelve hours back (a session under way today is still the facilitator's work)
 * to six months ahead. Rounded to the hour so every render asks for the same cache entry.
 */
function range(): { from: string; to: string } {
  const hour = Math.floor(Date.now() / HOUR) * HOUR;
  return {
    from: new Date(hour - 12 * HOUR).toISOString(),
    to: new Date(hour + 183 * 24 * HOUR).toISOString(),
  };
}

/** Everything about live sessions the pages cache starts with this key: a registration refreshes it all. */
export const SESSIONS_KEY = ['live-sessions'] as const;

export const organizationSessionsQuery = () => {
  const query = range();
  return queryOptions({
    queryKey: [...SESSIONS_KEY, 'organization', query],
    queryFn: async () => (await unwrap(api.GET('/api/v1/live-sessions', { params: { query } }))).items,
  });
};

export const mySessionsQuery = () => {
  const query = range();
  return queryOptions({
    queryKey: [...SESSIONS_KEY, 'mine', query],
    queryFn: async () => (await unwrap(api.GET('/api/v1/me/live-sessions', { params: { query } }))).items,
  });
};

export const sessionQuery = (id: string) =>
  queryOptions({
    queryKey: [...SESSIONS_KEY, id],
    queryFn: () => unwrap(api.GET('/api/v1/live-sessions/{id}', { params: { path: { id } } })),
  });

export const myRegistrationQuery = (id: string) =>
  queryOptions({
    queryKey: [...SESSIONS_KEY, id, 'my-registration'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/me/live-sessions/{id}/registration', { params: { path: { id } } })),
  });

export const rosterQuery = (id: string) =>
  queryOptions({
    queryKey: [...SESSIONS_KEY, id, 'roster'],
    queryFn: () => unwrap(api.GET('/api/v1/live-sessions/{id}/roster', { params: { path: { id } } })),
  });

export const register = (id: string, memberId: string) =>
  unwrap(
    api.POST('/api/v1/live-sessions/{id}/registrations', { params: { path: { id } }, body: { memberId } }),
  );

export const leave = (id: string, memberId: string) =>
  unwrap(
    api.DELETE('/api/v1/live-sessions/{id}/registrations/{memberId}', {
      params: { path: { id, memberId } },
    }),
  );
