import { useTranslation } from 'react-i18next';

/** Dates in the page's language. A `YYYY-MM-DD` date is a calendar day: it is shown as is, never shifted by zone. */
export function useFormatters() {
  const { i18n } = useTranslation();
  const dateFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/;
  return {
    formatDate(value: string): string {
      return dayOnly.test(value)
        ? dateFormat.format(new Date(`${value}T00:00:00Z`))
        : new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(new Date(value));
    },
  };
}
