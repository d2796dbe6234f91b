import { Button, Checkbox, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state.component';
import { ErrorState } from '../../components/error-state.component';
import { LoadingState } from '../../components/loading-state.component';
import { PageTitle } from '../../components/page-title.component';
import { EscalationDigest } from './escalation-digest.component';
import { TEAM_STATUSES, teamEnrollmentsQuery, type TeamStatus } from './team-enrollments.query';
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
  const query = useInfiniteQuery(teamEnrollmentsQuery({ q, overdueOnly, status }));
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];

  const list = () => {
    if (query.isPending) return <LoadingState />;
    if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
    if (items.length === 0) return <EmptyState>{filtered ? t('emptyFiltered') : t('empty')}</EmptyState>;
    return (
      <Stack gap="sm">
        <TeamTable items={items} />
        {query.hasNextPage && (
          <Button
            variant="outline"
            onClick={() => void query.fetchNextPage()}
            loading={query.isFetchingNextPage}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('more')}
          </Button>
        )}
      </Stack>
    );
  };

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
        {list()}
      </section>
      <EscalationDigest />
    </Stack>
  );
}
