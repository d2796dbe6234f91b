import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/error-state.component';
import { LoadingState } from '../../components/loading-state.component';
import { teamSummaryQuery } from './team-enrollments.query';

function Stat({ label, value, tone }: { label: string; value: number; tone?: 'red' }) {
  return (
    <Paper withBorder p="sm" radius="md" component="div">
      <Text component="dt" size="sm">
        {label}
      </Text>
      <Text component="dd" m={0} fw={700} fz="xl" c={tone === 'red' && value > 0 ? 'red.9' : undefined}>
        {value}
      </Text>
    </Paper>
  );
}

/** Counts over the whole reporting chain, whatever the list's filters (the compliance summary's totals). */
export function TeamSummary() {
  const { t } = useTranslation('team');
  const query = useQuery(teamSummaryQuery);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const summary = query.data;
  return (
    <SimpleGrid component="dl" cols={{ base: 2, sm: 5 }} spacing="sm" m={0}>
      <Stat label={t('summary.enrolled')} value={summary.enrolled} />
      <Stat label={t('summary.overdue')} value={summary.overdue} tone="red" />
      <Stat label={t('summary.inProgress')} value={summary.inProgress} />
      <Stat label={t('summary.notStarted')} value={summary.notStarted} />
      <Stat label={t('summary.completed')} value={summary.completed} />
    </SimpleGrid>
  );
}
