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
import { CaptionedTable } from '../../components/captioned-table.component';
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
      <CaptionedTable
        caption={t('cohorts.caption')}
        minWidth={600}
        headers={[
          t('cohorts.name'),
          t('cohorts.course'),
          t('cohorts.due'),
          t('stats.enrolled'),
          t('stats.overdue'),
          t('stats.completionRate'),
        ]}
      >
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
      </CaptionedTable>
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
