import { Badge, Box, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../i18n/use-formatters.hook';
import { daysOverdue, type TeamEnrollment, type TeamStatus } from './team-enrollments.query';

function place(enrollment: TeamEnrollment): string {
  return [enrollment.site?.name, enrollment.department?.name].filter(Boolean).join(' / ') || '—';
}

/** One row per enrollment in the api's order (overdue first); scrolls sideways on a phone. */
export function TeamTable({ items }: { items: readonly TeamEnrollment[] }) {
  const { t } = useTranslation('team');
  const { formatDate } = useFormatters();
  // Days overdue are counted from when the page opened.
  const [now] = useState(() => Date.now());
  return (
    // A focusable, named region: keyboard users can scroll the table sideways at 360 px.
    <Box role="region" aria-labelledby="team-table-caption" tabIndex={0} style={{ overflowX: 'auto' }}>
      <Table striped highlightOnHover miw={900} verticalSpacing="xs">
        <caption id="team-table-caption" className="visually-hidden">
          {t('table.caption')}
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('table.name')}</Table.Th>
            <Table.Th scope="col">{t('table.jobTitle')}</Table.Th>
            <Table.Th scope="col">{t('table.place')}</Table.Th>
            <Table.Th scope="col">{t('table.course')}</Table.Th>
            <Table.Th scope="col">{t('table.status')}</Table.Th>
            <Table.Th scope="col">{t('table.due')}</Table.Th>
            <Table.Th scope="col">{t('table.daysOverdue')}</Table.Th>
            <Table.Th scope="col">{t('table.progress')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((enrollment) => (
            <Table.Tr key={enrollment.id}>
              <Table.Th scope="row" fw={600}>
                {enrollment.memberName}
              </Table.Th>
              <Table.Td>{enrollment.jobTitle ?? '—'}</Table.Td>
              <Table.Td>{place(enrollment)}</Table.Td>
              <Table.Td>{enrollment.course.title}</Table.Td>
              <Table.Td>
                <Text size="sm" component="span">
                  {t(`status.${enrollment.status as TeamStatus}`)}
                </Text>
                {enrollment.overdue && (
                  <Badge color="red.9" variant="filled" ml="xs">
                    {t('table.overdue')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{enrollment.dueAt ? formatDate(enrollment.dueAt) : t('table.noDueDate')}</Table.Td>
              <Table.Td>
                {enrollment.overdue && enrollment.dueAt
                  ? t('table.days', { count: daysOverdue(enrollment.dueAt, now) })
                  : '—'}
              </Table.Td>
              <Table.Td>
                {t('table.modules', {
                  done: enrollment.progress.modulesCompleted,
                  total: enrollment.progress.modulesTotal,
                })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
