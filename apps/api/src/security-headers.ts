import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * The Content-Security-Policy of every answer, the web app's HTML above all. Scripts only from our own origin and
 * never inline; inline styles are allowed because Mantine (and Swagger UI) set style attributes. Listed in full
 * (no helmet defaults): `upgrade-insecure-requests` would turn a plain-http deployment's own asset URLs into https.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'object-src': ["'none'"],
};

/** Helmet's headers with Beacon's policy; Swagger UI at /api/docs loads under it as it is (external scripts). */
export function securityHeaders(): RequestHandler {
  return helmet({ contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY } });
}
