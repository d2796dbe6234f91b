import { LineChart } from '@mantine/charts';
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state.component';
import { useFormatters } from '../../i18n/use-formatters.hook';
import { ChartOrTable } from './chart-or-table.component';
import type { CompliancePeriod } from './compliance-dashboard.queries';
import { useRateFormat } from './use-rate-format.hook';

/** The completion rate (left axis, %) and the week's completions (right axis), oldest week first. */
export function CompletionTrend({ periods }: { periods: readonly CompliancePeriod[] }) {
  const { t, i18n } = useTranslation('compliance');
  const { formatDate } = useFormatters();
  const rate = useRateFormat();
  const dayMonth = new Intl.DateTimeFormat(i18n.language, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
  const first = periods.at(0);
  const last = periods.at(-1);
  if (!first || !last || periods.every((period) => period.dueByPeriodEnd === 0 && period.completed === 0))
    return <EmptyState>{t('trend.empty')}</EmptyState>;

  const data = periods.map((period) => ({
    week: dayMonth.format(new Date(`${period.periodStart}T00:00:00Z`)),
    // Percent with one decimal; a week with nothing due has no rate (the line skips it).
    rate: period.completionRate === null ? null : Math.round(period.completionRate * 1000) / 10,
    completed: period.completed,
  }));
  const summary = t('trend.summary', {
    first: formatDate(first.periodStart),
    last: formatDate(last.periodStart),
    firstRate: rate(first.completionRate),
    lastRate: rate(last.completionRate),
    completed: periods.reduce((sum, period) => sum + period.completed, 0),
  });

  const table = (
    <Table striped verticalSpacing="xs">
      <caption className="visually-hidden">{t('trend.title')}</caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('trend.week')}</Table.Th>
          <Table.Th scope="col">{t('trend.completed')}</Table.Th>
          <Table.Th scope="col">{t('trend.dueByEnd')}</Table.Th>
          <Table.Th scope="col">{t('trend.completedByEnd')}</Table.Th>
          <Table.Th scope="col">{t('trend.rate')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {periods.map((period) => (
          <Table.Tr key={period.periodStart}>
            <Table.Th scope="row">{formatDate(period.periodStart)}</Table.Th>
            <Table.Td>{period.completed}</Table.Td>
            <Table.Td>{period.dueByPeriodEnd}</Table.Td>
            <Table.Td>{period.completedByPeriodEnd}</Table.Td>
            <Table.Td>{rate(period.completionRate)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );

  return (
    <>
      <Text size="sm" mb="sm">
        {t('trend.intro')}
      </Text>
      <ChartOrTable
        label={t('trend.title')}
        summary={summary}
        tableWidth={640}
        table={table}
        chart={
          <LineChart
            h={280}
            data={data}
            dataKey="week"
            accessibilityLayer={false}
            withLegend
            legendProps={{ verticalAlign: 'bottom', itemSorter: null }}
            curveType="linear"
            textColor="gray.8"
            connectNulls={false}
            yAxisProps={{ domain: [0, 100], tickFormatter: (value: number) => `${value}%` }}
            withRightYAxis
            rightYAxisProps={{ allowDecimals: false }}
            series={[
              { name: 'rate', label: t('trend.rate'), color: 'teal.8' },
              { name: 'completed', label: t('trend.completed'), color: 'indigo.7', yAxisId: 'right' },
            ]}
          />
        }
      />
    </>
  );
}
