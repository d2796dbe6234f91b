import { useTranslation } from 'react-i18next';

/** A completion rate (0..1, or null when nothing counts) as a percentage in the page's language. */
export function useRateFormat(): (rate: number | null) => string {
  const { t, i18n } = useTranslation('compliance');
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  return (rate) => (rate === null ? t('noRate') : percent.format(rate));
}
