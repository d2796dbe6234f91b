import type { Middleware } from 'openapi-fetch';

export interface AuthHooks {
  accessToken(): string | null;
  /** Refreshes the session; resolves to the new access token, or null when the session is over. */
  refresh(): Promise<string | null>;
}

// These answer 401 for a bad password or a spent cookie: refreshing would not help and could loop.
const NO_RETRY = [
  '/api/v1/auth/login',
  '/api/v1/auth/refresh',
  '/api/v1/auth/logout',
  '/api/v1/auth/invitations/accept',
];

/** Adds the bearer token, and on a 401 refreshes once and sends the request again with the new token. */
export function createAuthMiddleware(hooks: AuthHooks): Middleware {
  // A request's body is consumed by the first fetch, so a copy is kept for the retry.
  const copies = new Map<string, Request>();
  return {
    onRequest({ request, id, schemaPath }) {
      const token = hooks.accessToken();
      if (!token) return request;
      request.headers.set('Authorization', `Bearer ${token}`);
      if (!NO_RETRY.includes(schemaPath)) copies.set(id, request.clone());
      return request;
    },
    async onResponse({ response, id }) {
      const copy = copies.get(id);
      copies.delete(id);
      if (response.status !== 401 || !copy) return response;
      const token = await hooks.refresh();
      if (!token) return response;
      copy.headers.set('Authorization', `Bearer ${token}`);
      return fetch(copy);
    },
    onError({ id }) {
      copies.delete(id);
    },
  };
}
