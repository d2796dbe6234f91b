import { Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCursorList } from '../../api/use-cursor-list.hook';
import { MoreButton } from '../../components/more-button.component';
import { PageTitle } from '../../components/page-title.component';
import { QueryTable } from '../../components/query-table.component';
import { departmentsQuery, sitesQuery } from '../admin/structure.queries';
import { RequirementGapsTable } from './requirement-gaps-table.component';
import {
  fetchRequirementGaps,
  GAP_STATUS_FILTERS,
  type GapFilters,
  type GapStatusFilter,
  ruleChoicesQuery,
} from './requirement-gaps.query';

const isStatus = (value: string): value is GapStatusFilter =>
  (GAP_STATUS_FILTERS as readonly string[]).includes(value);

/** `/compliance/requirement-gaps`: who owes state-mandated HT training, filtered; a manager sees their chain. */
export function RequirementGapsPage() {
  const { t } = useTranslation('requirements');
  const [filters, setFilters] = useState<GapFilters>({
    siteId: null,
    departmentId: null,
    state: null,
    licenseType: null,
    status: 'open',
  });
  const sites = useQuery(sitesQuery());
  const departments = useQuery(departmentsQuery());
  const choices = useQuery(ruleChoicesQuery);
  const list = useCursorList({
    queryKey: ['compliance', 'requirement-gaps', filters],
    fetchPage: (cursor) => fetchRequirementGaps(filters, cursor),
  });
  const { query, items } = list;
  const filtered =
    filters.siteId !== null ||
    filters.departmentId !== null ||
    filters.state !== null ||
    filters.licenseType !== null ||
    filters.status !== 'open';
  const update = (change: Partial<GapFilters>) => setFilters((current) => ({ ...current, ...change }));
  const siteDepartments = (departments.data ?? []).filter(
    (department) => filters.siteId === null || department.siteId === filters.siteId,
  );

  return (
    <Stack gap="lg">
      <div>
        <PageTitle>{t('title')}</PageTitle>
        <Text mt="-sm">{t('intro')}</Text>
      </div>
      <Group align="flex-end" gap="md">
        <NativeSelect
          label={t('filters.status')}
          value={filters.status}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (isStatus(value)) update({ status: value });
          }}
          data={GAP_STATUS_FILTERS.map((value) => ({ value, label: t(`filters.statuses.${value}`) }))}
          w={{ base: '100%', xs: 200 }}
        />
        <NativeSelect
          label={t('filters.site')}
          value={filters.siteId ?? ''}
          onChange={(event) => update({ siteId: event.currentTarget.value || null, departmentId: null })}
          data={[
            { value: '', label: t('filters.anySite') },
            ...(sites.data ?? []).map((site) => ({ value: site.id, label: site.name })),
          ]}
          w={{ base: '100%', xs: 200 }}
        />
        <NativeSelect
          label={t('filters.department')}
          value={filters.departmentId ?? ''}
          onChange={(event) => update({ departmentId: event.currentTarget.value || null })}
          data={[
            { value: '', label: t('filters.anyDepartment') },
            ...siteDepartments.map((department) => ({ value: department.id, label: department.name })),
          ]}
          w={{ base: '100%', xs: 200 }}
        />
        <NativeSelect
          label={t('filters.state')}
          value={filters.state ?? ''}
          onChange={(event) => update({ state: event.currentTarget.value || null })}
          data={[
            { value: '', label: t('filters.anyState') },
            ...(choices.data?.states ?? []).map((state) => ({ value: state, label: state })),
          ]}
          w={{ base: '100%', xs: 160 }}
        />
        <NativeSelect
          label={t('filters.licenseType')}
          value={filters.licenseType ?? ''}
          onChange={(event) => {
            const value = event.currentTarget.value;
            update({ licenseType: choices.data?.licenseTypes.find((code) => code === value) ?? null });
          }}
          data={[
            { value: '', label: t('filters.anyLicenseType') },
            ...(choices.data?.licenseTypes ?? []).map((code) => ({ value: code, label: code })),
          ]}
          w={{ base: '100%', xs: 180 }}
        />
      </Group>
      <Text role="status" size="sm" className={query.isSuccess ? undefined : 'visually-hidden'}>
        {query.isSuccess ? t('showing', { shown: items.length }) : ''}
      </Text>
      <QueryTable list={list} isEmpty={items.length === 0} empty={filtered ? t('emptyFiltered') : t('empty')}>
        <Stack gap="sm">
          <RequirementGapsTable items={items} />
          <MoreButton more={list.more}>{t('more')}</MoreButton>
        </Stack>
      </QueryTable>
    </Stack>
  );
}
