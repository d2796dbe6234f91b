import type { MailLocale } from './mail-locale';
import { RenderedMail } from './templates/layout';

/**
 * Payload by notification kind. Empty here: each feature declares its own kinds beside their templates, e.g.
 * `declare module '@beacon/core/mail' { interface MailKinds { invitation: InvitationMail } }`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface MailKinds {}

export type MailKind = keyof MailKinds & string;

export interface MailContext {
  providerName: string;
  /** The payload's `locale`, else English. */
  locale: MailLocale;
}

/** A feature's template for one kind of notification. */
export interface MailTemplate<K extends MailKind = MailKind> {
  kind: K;
  render(payload: MailKinds[K], context: MailContext): RenderedMail;
}
