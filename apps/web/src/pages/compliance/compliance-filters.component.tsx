import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { coursesQuery } from '../admin/cohort.queries';
import { departmentsQuery, sitesQuery } from '../admin/structure.queries';
import { cohortChoicesQuery } from './compliance-dashboard.queries';
import { type ComplianceSearch, FILTER_KEYS, GROUPINGS, type Grouping } from './compliance-search';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isGrouping = (value: string): value is Grouping => (GROUPINGS as readonly string[]).includes(value);

/** The grouping and filters; each change is written to the URL by `onChange`. */
export function ComplianceFilters({
  search,
  grouping,
  onChange,
}: {
  search: ComplianceSearch;
  grouping: Grouping;
  onChange: (change: Partial<ComplianceSearch>) => void;
}) {
  const { t } = useTranslation('compliance');
  const sites = useQuery(sitesQuery());
  const departments = useQuery(departmentsQuery());
  const cohorts = useQuery(cohortChoicesQuery);
  const courses = useQuery(coursesQuery);
  const siteDepartments = (departments.data ?? []).filter(
    (department) => !search.siteId || department.siteId === search.siteId,
  );
  const filtered = FILTER_KEYS.some((key) => search[key] !== undefined);
  const width = { base: '100%', xs: 200 };
  const date = (value: string) => (DATE.test(value) ? value : undefined);

  return (
    <Group align="flex-end" gap="md">
      <NativeSelect
        label={t('filters.groupBy')}
        value={grouping}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (isGrouping(value)) onChange({ groupBy: value });
        }}
        data={GROUPINGS.map((value) => ({ value, label: t(`filters.groupings.${value}`) }))}
        w={width}
      />
      <NativeSelect
        label={t('filters.site')}
        value={search.siteId ?? ''}
        onChange={(event) =>
          onChange({ siteId: event.currentTarget.value || undefined, departmentId: undefined })
        }
        data={[
          { value: '', label: t('filters.anySite') },
          ...(sites.data ?? []).map((site) => ({ value: site.id, label: site.name })),
        ]}
        w={width}
      />
      <NativeSelect
        label={t('filters.department')}
        value={search.departmentId ?? ''}
        onChange={(event) => onChange({ departmentId: event.currentTarget.value || undefined })}
        data={[
          { value: '', label: t('filters.anyDepartment') },
          ...siteDepartments.map((department) => ({ value: department.id, label: department.name })),
        ]}
        w={width}
      />
      <NativeSelect
        label={t('filters.cohort')}
        value={search.cohortId ?? ''}
        onChange={(event) => onChange({ cohortId: event.currentTarget.value || undefined })}
        data={[
          { value: '', label: t('filters.anyCohort') },
          ...(cohorts.data ?? []).map((cohort) => ({
            value: cohort.id,
            label: cohort.archived ? t('filters.archived', { name: cohort.name }) : cohort.name,
          })),
        ]}
        w={width}
      />
      <NativeSelect
        label={t('filters.course')}
        value={search.courseId ?? ''}
        onChange={(event) => onChange({ courseId: event.currentTarget.value || undefined })}
        data={[
          { value: '', label: t('filters.anyCourse') },
          ...(courses.data ?? []).map((course) => ({ value: course.id, label: course.title })),
        ]}
        w={width}
      />
      <TextInput
        type="date"
        label={t('filters.from')}
        value={search.from ?? ''}
        onChange={(event) => onChange({ from: date(event.currentTarget.value) })}
        w={{ base: '100%', xs: 170 }}
      />
      <TextInput
        type="date"
        label={t('filters.to')}
        value={search.to ?? ''}
        onChange={(event) => onChange({ to: date(event.currentTarget.value) })}
        w={{ base: '100%', xs: 170 }}
      />
      {filtered && (
        <Button
          variant="outline"
          onClick={() => onChange(Object.fromEntries(FILTER_KEYS.map((key) => [key, undefined])))}
        >
          {t('filters.clear')}
        </Button>
      )}
    </Group>
  );
}
