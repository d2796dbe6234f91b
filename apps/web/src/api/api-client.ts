import createClient from 'openapi-fetch';
import type { paths } from './schema';

/** The one client of the api; session/session.service.ts installs the bearer and refresh middleware. */
export const api = createClient<paths>({ baseUrl: '' });
