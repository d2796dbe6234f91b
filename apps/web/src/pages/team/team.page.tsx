import { Checkbox, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCursorList } from '../../api/use-cursor-list.hook';
import { MoreButton } from '../../components/more-button.component';
import { PageTitle } from '../../components/page-title.component';
import { QueryTable } from '../../components/query-table.component';
import { EscalationDigest } from './escalation-digest.component';
import { fetchTeamEnrollments, TEAM_STATUSES, type TeamStatus } from './team-enrollments.query';
import { TeamSummary } from './team-summary.component';
import { TeamTable } from './team-table.component';

const isTeamStatus = (value: string): value is TeamStatus =>
  (TEAM_STATUSES as readonly string[]).includes(value);

/** `/team`: the reporting chain's training, overdue first (escalation mails link here), and the digest choice. */
export function TeamPage() {
  const { t } = useTranslation('team');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [status, setStatus] = useState<TeamStatus | null>(null);
  const filtered = q !== '' || overdueOnly || status !== null;
  const filters = { q, overdueOnly, status };
  const list = useCursorList({
    queryKey: ['team', 'enrollments', filters],
    fetchPage: (cursor) => fetchTeamEnrollments(filters, cursor),
  });
  const { query, items } = list;

  return (
    <Stack gap="lg">
      <div>
        <PageTitle>{t('title')}</PageTitle>
        <Text mt="-sm">{t('intro')}</Text>
      </div>
      <section aria-labelledby="team-summary-title">
        <Title order={2} size="h4" id="team-summary-title" mb="sm">
          {t('summary.label')}
        </Title>
        <TeamSummary />
      </section>
      <section aria-labelledby="team-list-title">
        <Title order={2} size="h4" id="team-list-title" mb="sm">
          {t('table.caption')}
        </Title>
        <Group align="flex-end" mb="md" gap="md">
          <TextInput
            label={t('filters.search')}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            w={{ base: '100%', xs: 260 }}
          />
          <NativeSelect
            label={t('filters.status')}
            value={status ?? ''}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setStatus(isTeamStatus(value) ? value : null);
            }}
            data={[
              { value: '', label: t('filters.anyStatus') },
              ...TEAM_STATUSES.map((value) => ({ value, label: t(`status.${value}`) })),
            ]}
            w={{ base: '100%', xs: 200 }}
          />
          <Checkbox
            label={t('filters.overdueOnly')}
            checked={overdueOnly}
            onChange={(event) => setOverdueOnly(event.currentTarget.checked)}
            mb={8}
          />
        </Group>
        <Text role="status" size="sm" mb="xs" className={query.isSuccess ? undefined : 'visually-hidden'}>
          {query.isSuccess ? t('showing', { shown: items.length }) : ''}
        </Text>
        <QueryTable
          list={list}
          isEmpty={items.length === 0}
          empty={filtered ? t('emptyFiltered') : t('empty')}
        >
          <Stack gap="sm">
            <TeamTable items={items} />
            <MoreButton more={list.more}>{t('more')}</MoreButton>
          </Stack>
        </QueryTable>
      </section>
      <EscalationDigest />
    </Stack>
  );
}
