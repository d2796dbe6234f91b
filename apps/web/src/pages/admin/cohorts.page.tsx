import { Badge, Group, Stack, Switch, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { unwrap } from '../../api/api-error';
import { useCursorList } from '../../api/use-cursor-list.hook';
import { PageTitle } from '../../components/page-title.component';
import { QueryTable } from '../../components/query-table.component';
import { AnchorLink } from '../../components/router-links.component';
import { ScrollRegion } from '../../components/scroll-region.component';
import { useFormatters } from '../../i18n/use-formatters.hook';
import { coursesQuery } from './cohort.queries';
import { Pager } from './pager.component';

/** `/admin/cohorts`: cohorts with their completion, newest first; the wizard creates one. */
export function CohortsPage() {
  const { t } = useTranslation('admin');
  const { formatDate } = useFormatters();
  const [includeArchived, setIncludeArchived] = useState(false);
  const courses = useQuery(coursesQuery);
  const list = useCursorList({
    queryKey: ['cohorts', 'list', { includeArchived }],
    fetchPage: (cursor) =>
      unwrap(api.GET('/api/v1/cohorts', { params: { query: { includeArchived, cursor, limit: 25 } } })),
    keepPrevious: true,
  });
  const courseTitle = (id: string) => courses.data?.find((c) => c.id === id)?.title ?? '';

  const table = (
    <QueryTable list={list} isEmpty={list.page.items.length === 0} empty={t('cohorts.empty')}>
      <ScrollRegion label={t('cohorts.caption')} minWidth={600}>
        <Table striped captionSide="top">
          <Table.Caption>{t('cohorts.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cohorts.name')}</Table.Th>
              <Table.Th>{t('cohorts.course')}</Table.Th>
              <Table.Th>{t('cohorts.due')}</Table.Th>
              <Table.Th>{t('stats.enrolled')}</Table.Th>
              <Table.Th>{t('stats.overdue')}</Table.Th>
              <Table.Th>{t('stats.completionRate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.page.items.map((cohort) => (
              <Table.Tr key={cohort.id}>
                <Table.Td>
                  <AnchorLink to="/admin/cohorts/$id" params={{ id: cohort.id }}>
                    {cohort.name}
                  </AnchorLink>{' '}
                  {cohort.archived && (
                    <Badge variant="filled" color="gray.7">
                      {t('sites.archived')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{courseTitle(cohort.courseId)}</Table.Td>
                <Table.Td>
                  {cohort.dueDate
                    ? formatDate(cohort.dueDate)
                    : cohort.dueInDays !== null
                      ? t('cohorts.dueInDays', { count: cohort.dueInDays })
                      : t('cohorts.noDue')}
                </Table.Td>
                <Table.Td>{cohort.stats.enrolled}</Table.Td>
                <Table.Td>
                  <Text
                    span
                    c={cohort.stats.overdue > 0 ? 'red.9' : undefined}
                    fw={cohort.stats.overdue ? 700 : 400}
                  >
                    {cohort.stats.overdue}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {cohort.stats.completionRate === null
                    ? '—'
                    : `${Math.round(cohort.stats.completionRate * 100)} %`}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
      <Pager page={list.page} />
    </QueryTable>
  );

  return (
    <>
      <PageTitle>{t('cohorts.title')}</PageTitle>
      <Stack>
        <Group justify="space-between">
          <AnchorLink to="/admin/cohorts/new" fw={600}>
            {t('cohorts.new')}
          </AnchorLink>
          <Switch
            label={t('cohorts.showArchived')}
            checked={includeArchived}
            onChange={(event) => setIncludeArchived(event.currentTarget.checked)}
          />
        </Group>
        {table}
      </Stack>
    </>
  );
}
