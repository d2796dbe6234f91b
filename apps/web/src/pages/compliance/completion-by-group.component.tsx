import { BarChart } from '@mantine/charts';
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ChartOrTable } from './chart-or-table.component';
import type { ComplianceGroup } from './compliance-dashboard.queries';
import type { Grouping } from './compliance-search';
import { useRateFormat } from './use-rate-format.hook';

const BAR_HEIGHT = 36;

/** Each group's enrollments as one bar: completed, open and on time, overdue, exempt (they add up to enrolled). */
export function CompletionByGroup({
  grouping,
  groups,
}: {
  grouping: Grouping;
  groups: readonly ComplianceGroup[];
}) {
  const { t } = useTranslation('compliance');
  const rate = useRateFormat();
  const title = t(`groups.title.${grouping}`);
  const nameOf = (group: ComplianceGroup) =>
    group.name ?? (grouping === 'department' ? t('groups.noDepartment') : t('groups.noSite'));
  const data = groups.map((group) => ({
    name: nameOf(group),
    completed: group.completed,
    onTrack: group.inProgress + group.notStarted - group.overdue,
    overdue: group.overdue,
    exempt: group.exempt,
  }));
  const summary = t('groups.summary', {
    title,
    list: groups
      .map((group) =>
        t('groups.item', {
          name: nameOf(group),
          rate: rate(group.completionRate),
          completed: group.completed,
          enrolled: group.enrolled,
          overdue: group.overdue,
        }),
      )
      .join('; '),
  });

  const table = (
    <Table striped verticalSpacing="xs">
      <caption className="visually-hidden">{title}</caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('groups.name')}</Table.Th>
          <Table.Th scope="col">{t('groups.enrolled')}</Table.Th>
          <Table.Th scope="col">{t('groups.completed')}</Table.Th>
          <Table.Th scope="col">{t('groups.inProgress')}</Table.Th>
          <Table.Th scope="col">{t('groups.notStarted')}</Table.Th>
          <Table.Th scope="col">{t('groups.overdue')}</Table.Th>
          <Table.Th scope="col">{t('groups.exempt')}</Table.Th>
          <Table.Th scope="col">{t('groups.completionRate')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {groups.map((group) => (
          <Table.Tr key={group.id ?? 'none'}>
            <Table.Th scope="row">{nameOf(group)}</Table.Th>
            <Table.Td>{group.enrolled}</Table.Td>
            <Table.Td>{group.completed}</Table.Td>
            <Table.Td>{group.inProgress}</Table.Td>
            <Table.Td>{group.notStarted}</Table.Td>
            <Table.Td>{group.overdue}</Table.Td>
            <Table.Td>{group.exempt}</Table.Td>
            <Table.Td>{rate(group.completionRate)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );

  return (
    <ChartOrTable
      label={title}
      summary={summary}
      tableWidth={720}
      table={table}
      chart={
        <BarChart
          // Horizontal bars: long names fit on a phone, and many groups grow the chart downwards.
          h={Math.max(160, data.length * BAR_HEIGHT + 80)}
          data={data}
          dataKey="name"
          type="stacked"
          orientation="vertical"
          accessibilityLayer={false}
          withLegend
          // The legend in the series' order (recharts sorts it by label otherwise).
          legendProps={{ verticalAlign: 'bottom', itemSorter: null }}
          textColor="gray.8"
          yAxisProps={{ width: 120 }}
          xAxisProps={{ allowDecimals: false }}
          series={[
            { name: 'completed', label: t('groups.series.completed'), color: 'teal.8' },
            { name: 'onTrack', label: t('groups.series.onTrack'), color: 'blue.4' },
            { name: 'overdue', label: t('groups.series.overdue'), color: 'red.8' },
            { name: 'exempt', label: t('groups.series.exempt'), color: 'gray.5' },
          ]}
        />
      }
    />
  );
}
