import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { type ComplianceFilterKey, FILTER_KEYS } from './compliance-search';

const LABELS: Record<ComplianceFilterKey, 'site' | 'department' | 'cohort' | 'course' | 'from' | 'to'> = {
  siteId: 'site',
  departmentId: 'department',
  cohortId: 'cohort',
  courseId: 'course',
  from: 'from',
  to: 'to',
};

/** The filters the api refused (an id of no place of this organization, `to` before `from`), if that was the error. */
export function refusedFilters(error: unknown): ComplianceFilterKey[] {
  if (!(error instanceof ApiError) || error.status !== 400) return [];
  const fields = Object.keys(error.fieldErrors);
  return FILTER_KEYS.filter((key) => fields.includes(key));
}

/** A link whose filters do not fit this organization: which ones, in words; trying again would not help. */
export function FilterRefusal({ refused }: { refused: readonly ComplianceFilterKey[] }) {
  const { t } = useTranslation('compliance');
  const fields = refused.map((key) => t(`filters.${LABELS[key]}`)).join(', ');
  return (
    <Alert color="red" title={t('refused.title')} role="alert">
      <Text size="sm">{t('refused.text', { fields })}</Text>
    </Alert>
  );
}
