import type { ReminderLocale } from './reminder-mail.types';

/** A due date as the recipient reads it: a calendar date in their zone and language. */
export function localDate(iso: string, timeZone: string, locale: ReminderLocale): string {
  return new Intl.DateTimeFormat(locale === 'es' ? 'es' : 'en-US', { dateStyle: 'long', timeZone }).format(
    new Date(iso),
  );
}

/** A stored payload's locale; anything but Spanish reads as English. */
export function localeOf(value: unknown): ReminderLocale {
  return value === 'es' ? 'es' : 'en';
}

export function footer(locale: ReminderLocale, providerName: string, organizationName: string): string {
  return locale === 'es'
    ? `Enviado por Beacon, gestionado por ${providerName}, en nombre de ${organizationName}.`
    : `Sent by Beacon, run by ${providerName}, on behalf of ${organizationName}.`;
}
