/** The languages Beacon writes mail in. */
export const MAIL_LOCALES = ['en', 'es'] as const;
export type MailLocale = (typeof MAIL_LOCALES)[number];

/** What a notification payload may carry to pick its language; payloads written before it existed are English. */
export interface LocalizedPayload {
  locale?: MailLocale;
}

export function isMailLocale(value: unknown): value is MailLocale {
  return typeof value === 'string' && (MAIL_LOCALES as readonly string[]).includes(value);
}

/** The locale a stored payload asks for; anything else (absent, a language we do not write) falls back to English. */
export function mailLocaleOf(payload: unknown): MailLocale {
  const locale =
    typeof payload === 'object' && payload !== null ? (payload as LocalizedPayload).locale : undefined;
  return isMailLocale(locale) ? locale : 'en';
}

const INSTANT: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
};

/**
 * An instant as a reader of that language writes it, in the given zone (the recipient's site, else their
 * organization's) and naming the zone, so a deadline is never an hour off for the reader.
 */
export function formatInstant(iso: string, locale: MailLocale, timeZone = 'UTC'): string {
  return cached(
    `instant:${locale}:${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { ...INSTANT, timeZone }),
  ).format(new Date(iso));
}

/** A calendar date (a due date) as a reader of that language writes it, in the reader's zone. */
export function formatDate(iso: string, locale: MailLocale, timeZone = 'UTC'): string {
  return cached(
    `date:${locale}:${timeZone}`,
    () => new Intl.DateTimeFormat(locale === 'es' ? 'es' : 'en-US', { dateStyle: 'long', timeZone }),
  ).format(new Date(iso));
}

/** A number with the reader's decimal separator (1.5 hours, 1,5 horas). */
export function formatNumber(value: number, locale: MailLocale): string {
  return cached(`number:${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })).format(
    value,
  );
}

/**
 * Formatters by language and zone. Building an Intl formatter costs far more than using one (it was the worker's
 * largest own cost in the reminders bench, ~6 % of its CPU); there are two languages and a handful of zones.
 */
const formatters = new Map<string, { format(value: Date | number): string }>();

function cached<F extends { format(value: Date | number): string }>(key: string, build: () => F): F {
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) {
    formatter = build();
    formatters.set(key, formatter);
  }
  return formatter;
}
