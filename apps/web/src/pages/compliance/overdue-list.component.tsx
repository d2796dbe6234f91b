import { Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCursorList } from '../../api/use-cursor-list.hook';
import { AnchorLink } from '../../components/router-links.component';
import { MoreButton } from '../../components/more-button.component';
import { QueryTable } from '../../components/query-table.component';
import { ScrollRegion } from '../../components/scroll-region.component';
import { useFormatters } from '../../i18n/use-formatters.hook';
import { daysOverdue, fetchTeamEnrollments } from '../team/team-enrollments.query';

const OVERDUE_ONLY = { q: '', overdueOnly: true, status: null };

/**
 * Who is overdue now, from the team list (the api scopes it: a manager's chain, or the organization for staff).
 * That list has no place or cohort filter, so it is the whole scope; /team and the overdue report go further.
 */
export function OverdueList() {
  const { t } = useTranslation('compliance');
  const { formatDate } = useFormatters();
  // Days overdue are counted from when the page opened.
  const [now] = useState(() => Date.now());
  const list = useCursorList({
    queryKey: ['team', 'enrollments', OVERDUE_ONLY],
    fetchPage: (cursor) => fetchTeamEnrollments(OVERDUE_ONLY, cursor),
  });
  const { items } = list;
  return (
    <Stack gap="sm">
      <Text size="sm">{t('overdue.intro')}</Text>
      <QueryTable list={list} isEmpty={items.length === 0} empty={t('overdue.empty')}>
        <ScrollRegion label={t('overdue.caption')} minWidth={640}>
          <Table striped verticalSpacing="xs">
            <caption className="visually-hidden">{t('overdue.caption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('overdue.name')}</Table.Th>
                <Table.Th scope="col">{t('overdue.place')}</Table.Th>
                <Table.Th scope="col">{t('overdue.course')}</Table.Th>
                <Table.Th scope="col">{t('overdue.due')}</Table.Th>
                <Table.Th scope="col">{t('overdue.daysOverdue')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((enrollment) => (
                <Table.Tr key={enrollment.id}>
                  <Table.Th scope="row">{enrollment.memberName}</Table.Th>
                  <Table.Td>
                    {[enrollment.site?.name, enrollment.department?.name].filter(Boolean).join(' / ') || '—'}
                  </Table.Td>
                  <Table.Td>{enrollment.course.title}</Table.Td>
                  <Table.Td>{enrollment.dueAt ? formatDate(enrollment.dueAt) : '—'}</Table.Td>
                  <Table.Td>
                    {enrollment.dueAt
                      ? t('overdue.days', { count: daysOverdue(enrollment.dueAt, now) })
                      : '—'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
        <MoreButton more={list.more}>{t('overdue.more')}</MoreButton>
      </QueryTable>
      <Group gap="lg">
        <AnchorLink to="/team">{t('overdue.team')}</AnchorLink>
        <AnchorLink to="/reports">{t('overdue.report')}</AnchorLink>
      </Group>
    </Stack>
  );
}
