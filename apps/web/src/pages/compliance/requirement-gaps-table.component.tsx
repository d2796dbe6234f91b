import { Badge, Box, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../i18n/use-formatters.hook';
import type { RequirementGap } from './requirement-gaps.query';

function place(gap: RequirementGap): string {
  return [gap.site?.name, gap.department?.name].filter(Boolean).join(' / ') || '—';
}

type Frequency = 'one_time' | 'each_renewal' | 'every_n_renewals' | 'annual' | 'ongoing' | 'posting_only';
type ReasonCode =
  | 'license_type_not_recognised'
  | 'no_approved_course'
  | 'not_approved'
  | 'insufficient_hours'
  | 'outside_period'
  | 'no_completion';

/** One row per member and state rule, in the api's order; scrolls sideways on a phone. */
export function RequirementGapsTable({ items }: { items: readonly RequirementGap[] }) {
  const { t } = useTranslation('requirements');
  const { formatDate } = useFormatters();
  return (
    // A focusable, named region: keyboard users can scroll the table sideways at 360 px.
    <Box role="region" aria-labelledby="gaps-table-caption" tabIndex={0} style={{ overflowX: 'auto' }}>
      <Table striped highlightOnHover miw={980} verticalSpacing="xs">
        <caption id="gaps-table-caption" className="visually-hidden">
          {t('table.caption')}
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('table.member')}</Table.Th>
            <Table.Th scope="col">{t('table.place')}</Table.Th>
            <Table.Th scope="col">{t('table.license')}</Table.Th>
            <Table.Th scope="col">{t('table.rule')}</Table.Th>
            <Table.Th scope="col">{t('table.dueBy')}</Table.Th>
            <Table.Th scope="col">{t('table.status')}</Table.Th>
            <Table.Th scope="col">{t('table.detail')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((gap) => (
            <Table.Tr key={`${gap.member.id}/${gap.rule?.code ?? ''}`}>
              <Table.Th scope="row" fw={600}>
                {gap.member.name}
                {gap.member.employeeId && (
                  <Text size="xs" c="dimmed" fw={400}>
                    {t('table.employeeId', { id: gap.member.employeeId })}
                  </Text>
                )}
              </Table.Th>
              <Table.Td>{place(gap)}</Table.Td>
              <Table.Td>
                <Text size="sm">
                  {gap.license.state} · {gap.license.type ?? '—'}
                  {gap.license.category && gap.license.category !== gap.license.type
                    ? ` (${gap.license.category})`
                    : ''}
                </Text>
                {!gap.license.category && (
                  <Text size="xs" c="dimmed">
                    {t('table.notRecognised')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {gap.rule ? (
                  <Stack gap={4}>
                    <Text size="sm">
                      {gap.rule.code} ·{' '}
                      {gap.rule.hours === null
                        ? t('table.hoursNotFixed')
                        : t('table.hours', { hours: gap.rule.hours })}{' '}
                      ·{' '}
                      {t(`frequency.${gap.rule.frequency as Frequency}`, {
                        count: gap.rule.everyNRenewals ?? undefined,
                      })}
                    </Text>
                    <Group gap={4}>
                      {gap.rule.unconfirmed && (
                        <Badge color="grape.9" variant="filled" title={gap.rule.note ?? undefined}>
                          {t('table.unconfirmed')}
                        </Badge>
                      )}
                      {!gap.rule.unconfirmed && gap.rule.needsReview && (
                        <Badge color="gray.8" variant="outline" title={gap.rule.note ?? undefined}>
                          {t('table.needsReview')}
                        </Badge>
                      )}
                    </Group>
                  </Stack>
                ) : (
                  t('table.noRule')
                )}
              </Table.Td>
              <Table.Td>
                {gap.dueBy ? formatDate(gap.dueBy) : t('table.noDueBy')}
                {gap.overdue && (
                  <Badge color="red.9" variant="filled" ml="xs">
                    {t('table.overdue')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{t(`status.${gap.status as 'open' | 'met'}`)}</Table.Td>
              <Table.Td>
                {gap.satisfiedBy ? (
                  <Text size="sm">
                    {t('table.certificate', {
                      number: gap.satisfiedBy.number,
                      date: formatDate(gap.satisfiedBy.completedOn),
                    })}
                  </Text>
                ) : (
                  <Stack gap={2}>
                    {gap.reasonCode && (
                      <Text size="sm" fw={600}>
                        {t(`reason.${gap.reasonCode as ReasonCode}`)}
                      </Text>
                    )}
                    {gap.reason && (
                      <Text size="xs" c="dimmed" lang="en">
                        {gap.reason}
                      </Text>
                    )}
                  </Stack>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
