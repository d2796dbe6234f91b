import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../components/error-state.component';
import { PageTitle } from '../../components/page-title.component';
import { QueryTable } from '../../components/query-table.component';
import { AnchorLink } from '../../components/router-links.component';
import { ScrollRegion } from '../../components/scroll-region.component';
import { useFormatters } from '../../i18n/use-formatters.hook';
import { notify } from '../admin/notify';
import { downloadReport } from './report-download';
import { ReportKindFields } from './report-kind-fields.component';
import {
  fetchReports,
  isUnfinished,
  POLL_MS,
  type Report,
  REPORT_TYPES,
  REPORTS_KEY,
  REPORTS_SHOWN,
  requestReport,
  type ReportFormat,
  type ReportType,
} from './reports.queries';

const STATUS_COLORS: Record<Report['status'], string> = {
  queued: 'blue.8',
  running: 'blue.8',
  ready: 'teal.9',
  failed: 'red.9',
  expired: 'gray.7',
};

/**
 * `/reports`: request an export (the worker builds it), follow its progress (the list is read again while one is
 * unfinished) and download it. A manager's reports hold their reporting chain only.
 */
export function ReportsPage() {
  const { t } = useTranslation('reports');
  const { formatDate } = useFormatters();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [type, setType] = useState<ReportType>('compliance');
  const [format, setFormat] = useState<ReportFormat>('xlsx');
  const query = useQuery({
    queryKey: REPORTS_KEY,
    queryFn: fetchReports,
    refetchInterval: (current) => (current.state.data?.items.some(isUnfinished) ? POLL_MS : false),
  });
  const request = useMutation({
    mutationFn: () => requestReport(type, format),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: REPORTS_KEY });
      notify(t('requested'));
    },
    onError: (error) => notify(errorMessage(error), 'failure'),
  });
  const download = useMutation({
    mutationFn: (report: Report) =>
      downloadReport(report.id, `${report.type}-report-${report.createdAt.slice(0, 10)}.${report.format}`),
    onError: (error) => notify(errorMessage(error), 'failure'),
  });
  const items = query.data?.items ?? [];
  const { id: linked } = useSearch({ from: '/app/reports' });
  const typeLabel = (value: string) => t(`types.${value as ReportType}`);

  return (
    <Stack gap="lg">
      <div>
        <PageTitle>{t('title')}</PageTitle>
        <Text mt="-sm">{t('intro')}</Text>
        <AnchorLink to="/reports/schedules" mt="xs" display="inline-block">
          {t('schedulesLink')}
        </AnchorLink>
      </div>
      <section aria-labelledby="report-request-title">
        <Title order={2} size="h4" id="report-request-title" mb="sm">
          {t('request.title')}
        </Title>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            request.mutate();
          }}
        >
          <Group align="flex-end" gap="md">
            <ReportKindFields
              types={REPORT_TYPES}
              type={type}
              onTypeChange={setType}
              format={format}
              onFormatChange={setFormat}
              words={{
                type: t('request.type'),
                format: t('request.format'),
                typeName: typeLabel,
                formatName: (value) => t(`formats.${value}`),
              }}
            />
            <Button type="submit" loading={request.isPending}>
              {t('request.submit')}
            </Button>
          </Group>
        </form>
      </section>
      <section aria-labelledby="report-list-title">
        <Title order={2} size="h4" id="report-list-title" mb="sm">
          {t('list.caption')}
        </Title>
        <QueryTable
          list={{ query, retry: () => void query.refetch() }}
          isEmpty={items.length === 0}
          empty={t('list.empty')}
        >
          <ScrollRegion label={t('list.caption')} minWidth={720}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('list.type')}</Table.Th>
                  <Table.Th>{t('list.format')}</Table.Th>
                  <Table.Th>{t('list.requested')}</Table.Th>
                  <Table.Th>{t('list.requestedBy')}</Table.Th>
                  <Table.Th>{t('list.status')}</Table.Th>
                  <Table.Th>{t('list.rows')}</Table.Th>
                  <Table.Th>{t('list.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((report) => (
                  <Table.Tr
                    key={report.id}
                    aria-current={report.id === linked ? 'true' : undefined}
                    bg={report.id === linked ? 'yellow.0' : undefined}
                  >
                    <Table.Td>{typeLabel(report.type)}</Table.Td>
                    <Table.Td>{t(`formats.${report.format as ReportFormat}`)}</Table.Td>
                    <Table.Td>{formatDate(report.createdAt)}</Table.Td>
                    <Table.Td>{report.requestedBy.name}</Table.Td>
                    <Table.Td>
                      <Badge variant="filled" color={STATUS_COLORS[report.status]}>
                        {t(`statuses.${report.status}`)}
                      </Badge>
                      {report.error && (
                        <Text size="xs" c="red.9">
                          {report.error}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{report.rowCount ?? '—'}</Table.Td>
                    <Table.Td>
                      {report.status === 'ready' && (
                        <Button
                          size="compact-sm"
                          variant="outline"
                          loading={download.isPending && download.variables?.id === report.id}
                          aria-label={t('list.downloadNamed', {
                            type: typeLabel(report.type),
                            date: formatDate(report.createdAt),
                          })}
                          onClick={() => download.mutate(report)}
                        >
                          {t('list.download')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
          {items.length >= REPORTS_SHOWN && (
            <Text size="sm" mt="sm">
              {t('list.newestOnly', { count: items.length })}
            </Text>
          )}
        </QueryTable>
      </section>
    </Stack>
  );
}
