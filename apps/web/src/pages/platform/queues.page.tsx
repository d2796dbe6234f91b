import { Alert, Button, Code, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { unwrap } from '../../api/api-error';
import type { components } from '../../api/schema';
import { EmptyState } from '../../components/empty-state.component';
import { ErrorState, useErrorMessage } from '../../components/error-state.component';
import { LoadingState } from '../../components/loading-state.component';
import { PageTitle } from '../../components/page-title.component';
import { useEnumLabel } from '../../i18n/use-enum-label.hook';
import { useFormatters } from '../../i18n/use-formatters.hook';

type Queue = components['schemas']['QueueView'];
type FailedJob = components['schemas']['FailedJobView'];
type JobState = 'waiting' | 'active' | 'delayed' | 'failed' | 'completed';
const STATES: readonly JobState[] = ['waiting', 'active', 'delayed', 'failed', 'completed'];

const queuesKey = ['platform', 'queues'] as const;

// The api's counts are typed as an open object; each state's count is a number when present.
function countOf(queue: Queue, state: JobState): number {
  const value = (queue.counts as Record<string, unknown>)[state];
  return typeof value === 'number' ? value : 0;
}

function FailedJobItem({
  queue,
  job,
  onRetried,
}: {
  queue: string;
  job: FailedJob;
  onRetried: (message: string) => void;
}) {
  const { t } = useTranslation('platform');
  const { formatDate } = useFormatters();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const titleId = `job-${queue}-${job.id}`;
  const retry = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/platform/queues/{queue}/jobs/{jobId}/retry', {
          params: { path: { queue, jobId: job.id } },
        }),
      ),
    onSuccess: () => {
      onRetried(t('queues.retried', { id: job.id }));
      void queryClient.invalidateQueries({ queryKey: queuesKey });
    },
  });
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text fw={600} id={titleId} style={{ overflowWrap: 'anywhere' }}>
            {t('queues.job', { name: job.name, id: job.id })}
          </Text>
          <Button
            size="compact-sm"
            variant="outline"
            aria-describedby={titleId}
            loading={retry.isPending}
            onClick={() => retry.mutate()}
          >
            {t('queues.retry')}
          </Button>
        </Group>
        <Text size="sm">
          {t('queues.reason')}: <Code style={{ overflowWrap: 'anywhere' }}>{job.failedReason}</Code>
        </Text>
        <Text size="sm">
          {t('queues.attempts', { count: job.attemptsMade })}
          {job.finishedAt && ` · ${t('queues.finishedAt', { date: formatDate(job.finishedAt) })}`}
        </Text>
        {retry.isError && (
          <Alert color="red" role="alert">
            {errorMessage(retry.error)}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function QueueCard({ queue, onRetried }: { queue: Queue; onRetried: (message: string) => void }) {
  const { t } = useTranslation('platform');
  const words = useEnumLabel('platform')('queues.names', queue.name);
  // The queue's own name stays beside its words: it is the one a retry or a log line names.
  const title = words === queue.name ? queue.name : t('queues.queueName', { label: words, name: queue.name });
  const titleId = `queue-${queue.name}`;
  const captionId = `queue-${queue.name}-counts`;
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby={titleId}>
      <Title order={2} size="h4" id={titleId} mb="sm">
        {title}
      </Title>
      <Table withTableBorder={false} layout="fixed" mb="md">
        <caption id={captionId} className="visually-hidden">
          {t('queues.counts', { queue: title })}
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('queues.state')}</Table.Th>
            <Table.Th scope="col">{t('queues.count')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {STATES.map((state) => (
            <Table.Tr key={state}>
              <Table.Th scope="row" fw={400}>
                {t(`queues.states.${state}`)}
              </Table.Th>
              <Table.Td fw={state === 'failed' && countOf(queue, state) > 0 ? 700 : undefined}>
                {countOf(queue, state)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={3} size="h5" mb="xs">
        {t('queues.failures')}
      </Title>
      {queue.failed.length === 0 ? (
        <Text size="sm">{t('queues.noFailures')}</Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {queue.failed.map((job) => (
            <FailedJobItem key={job.id} queue={queue.name} job={job} onRetried={onRetried} />
          ))}
        </Stack>
      )}
    </Paper>
  );
}

/** `/platform/queues`: every queue's jobs by state and its recent failures, each with a way to run it again. */
export function QueuesPage() {
  const { t } = useTranslation('platform');
  const [notice, setNotice] = useState<string | null>(null);
  const query = useQuery({
    queryKey: queuesKey,
    queryFn: async () => (await unwrap(api.GET('/api/v1/platform/queues'))).items,
  });

  const body = () => {
    if (query.isPending) return <LoadingState />;
    if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
    if (query.data.length === 0) return <EmptyState>{t('queues.empty')}</EmptyState>;
    return (
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {query.data.map((queue) => (
          <QueueCard key={queue.name} queue={queue} onRetried={setNotice} />
        ))}
      </SimpleGrid>
    );
  };

  return (
    <Stack gap="md">
      <PageTitle>{t('queues.title')}</PageTitle>
      <Text mt="-md">{t('queues.intro')}</Text>
      <div role="status">{notice && <Alert color="green">{notice}</Alert>}</div>
      {body()}
    </Stack>
  );
}
