import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { unwrap } from '../../api/api-error';
import { useErrorMessage } from '../../components/error-state.component';
import { PageTitle } from '../../components/page-title.component';
import { QueryTable } from '../../components/query-table.component';
import { AnchorLink } from '../../components/router-links.component';
import { ScrollRegion } from '../../components/scroll-region.component';
import { useSession } from '../../session/use-session.hook';
import { ConfirmButton } from '../admin/confirm-button.component';
import { notify } from '../admin/notify';
import { nextRunWords } from './next-run-words';
import { ReportScheduleForm } from './report-schedule-form.component';
import {
  deleteSchedule,
  fetchSchedules,
  type ReportSchedule,
  SCHEDULES_KEY,
  setScheduleActive,
} from './report-schedules.queries';

/**
 * `/reports/schedules`: reports built weekly or monthly and mailed to their recipients as a link to /reports. A
 * manager sees and schedules their own (their reporting chain); staff see the organization's.
 */
export function ReportSchedulesPage() {
  const { t, i18n } = useTranslation('schedules');
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const session = useSession();
  const query = useQuery({ queryKey: SCHEDULES_KEY, queryFn: fetchSchedules });
  // Runs are at 06:00 in the organization's zone: shown in that zone, named, whatever the reader's own.
  const organization = useQuery({
    queryKey: ['organization', session.organizationId],
    queryFn: () => unwrap(api.GET('/api/v1/organization')),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: SCHEDULES_KEY });
  const toggle = useMutation({
    mutationFn: (schedule: ReportSchedule) => setScheduleActive(schedule.id, !schedule.active),
    onSuccess: async (schedule) => {
      await refresh();
      notify(t(schedule.active ? 'list.resumed' : 'list.pausedDone'));
    },
    onError: (error) => notify(errorMessage(error), 'failure'),
  });
  const remove = useMutation({
    mutationFn: (schedule: ReportSchedule) => deleteSchedule(schedule.id),
    onSuccess: async () => {
      await refresh();
      notify(t('list.deleted'));
    },
    onError: (error) => notify(errorMessage(error), 'failure'),
  });
  const items = query.data?.items ?? [];
  const now = new Date();
  const dateTime = new Intl.DateTimeFormat(i18n.language, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone: organization.data?.timezone,
  });
  const named = (schedule: ReportSchedule) => ({
    type: t(`types.${schedule.type}`),
    frequency: t(`frequencies.${schedule.frequency}`),
  });

  return (
    <Stack gap="lg">
      <div>
        <PageTitle>{t('title')}</PageTitle>
        <Text mt="-sm">{t('intro')}</Text>
        <AnchorLink to="/reports" mt="xs" display="inline-block">
          {t('backToReports')}
        </AnchorLink>
      </div>
      <ReportScheduleForm />
      <section aria-labelledby="schedule-list-title">
        <Title order={2} size="h4" id="schedule-list-title" mb="sm">
          {t('list.caption')}
        </Title>
        <QueryTable
          list={{ query, retry: () => void query.refetch() }}
          isEmpty={items.length === 0}
          empty={t('list.empty')}
        >
          <ScrollRegion label={t('list.caption')} minWidth={820}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('list.type')}</Table.Th>
                  <Table.Th>{t('list.format')}</Table.Th>
                  <Table.Th>{t('list.frequency')}</Table.Th>
                  <Table.Th>{t('list.recipients')}</Table.Th>
                  <Table.Th>{t('list.nextRun')}</Table.Th>
                  <Table.Th>{t('list.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((schedule) => (
                  <Table.Tr key={schedule.id}>
                    <Table.Td>{t(`types.${schedule.type}`)}</Table.Td>
                    <Table.Td>{t(`formats.${schedule.format}`)}</Table.Td>
                    <Table.Td>{t(`frequencies.${schedule.frequency}`)}</Table.Td>
                    <Table.Td>
                      {schedule.recipients.map((email) => (
                        <Text key={email} size="sm">
                          {email}
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td>
                      {schedule.active && schedule.nextRunAt ? (
                        t('list.nextRunAt', {
                          words: nextRunWords(schedule.nextRunAt, now, i18n.language),
                          date: dateTime.format(new Date(schedule.nextRunAt)),
                        })
                      ) : (
                        <Badge variant="filled" color="gray.7">
                          {t('list.paused')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        {schedule.active ? (
                          <ConfirmButton
                            size="compact-sm"
                            variant="outline"
                            color="blue.8"
                            aria-label={t('list.pauseNamed', named(schedule))}
                            message={t('list.pauseConfirm')}
                            onConfirm={() => toggle.mutate(schedule)}
                          >
                            {t('list.pause')}
                          </ConfirmButton>
                        ) : (
                          <Button
                            size="compact-sm"
                            variant="outline"
                            aria-label={t('list.resumeNamed', named(schedule))}
                            loading={toggle.isPending && toggle.variables?.id === schedule.id}
                            onClick={() => toggle.mutate(schedule)}
                          >
                            {t('list.resume')}
                          </Button>
                        )}
                        <ConfirmButton
                          size="compact-sm"
                          variant="outline"
                          color="red.9"
                          aria-label={t('list.deleteNamed', named(schedule))}
                          message={t('list.deleteConfirm')}
                          onConfirm={() => remove.mutate(schedule)}
                        >
                          {t('list.delete')}
                        </ConfirmButton>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        </QueryTable>
      </section>
    </Stack>
  );
}
