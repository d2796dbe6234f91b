import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ComplianceCounts } from './compliance-dashboard.queries';
import { useRateFormat } from './use-rate-format.hook';

function Figure({ label, value, alarm = false }: { label: string; value: string | number; alarm?: boolean }) {
  return (
    <Paper withBorder p="sm" radius="md" component="div">
      <Text component="dt" size="sm">
        {label}
      </Text>
      <Text component="dd" m={0} fw={700} fz="xl" c={alarm ? 'red.9' : undefined}>
        {value}
      </Text>
    </Paper>
  );
}

/** The totals of the view: what the groups add up to. */
export function ComplianceHeadline({ totals }: { totals: ComplianceCounts }) {
  const { t } = useTranslation('compliance');
  const rate = useRateFormat();
  return (
    <SimpleGrid component="dl" cols={{ base: 2, sm: 5 }} spacing="sm" m={0}>
      <Figure label={t('headline.enrolled')} value={totals.enrolled} />
      <Figure label={t('headline.completed')} value={totals.completed} />
      <Figure
        label={t('headline.completionRate')}
        value={totals.completionRate === null ? t('headline.noRate') : rate(totals.completionRate)}
      />
      <Figure label={t('headline.overdue')} value={totals.overdue} alarm={totals.overdue > 0} />
      <Figure label={t('headline.exempt')} value={totals.exempt} />
    </SimpleGrid>
  );
}
