import { Paper, SimpleGrid, Stack, Switch, Text, Title, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/api-client';
import { unwrap } from '../../../api/api-error';
import type { components } from '../../../api/schema';
import { useCursorList } from '../../../api/use-cursor-list.hook';
import { ErrorState } from '../../../components/error-state.component';
import { LoadingState } from '../../../components/loading-state.component';
import { MoreButton } from '../../../components/more-button.component';
import { PageTitle } from '../../../components/page-title.component';
import { useFormatters } from '../../../i18n/use-formatters.hook';
import { requestAge } from './request-age';
import { TrainingRequestDetail, trainingRequestsKey } from './training-request-detail.component';
import { CLOSED, PIPELINE, type TrainingRequestStatus } from './training-request-moves';

type Request = components['schemas']['TrainingRequestView'];

const PAGE = 50;

function RequestCard({ request, onOpen }: { request: Request; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation('platform');
  // The age as of when the card appeared: a board is read in minutes, and a ticking clock would re-render it.
  const [now] = useState(() => Date.now());
  const { formatDate } = useFormatters();
  const dates = request.preferredDates.map(formatDate).join(', ');
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Stack gap={2}>
        <UnstyledButton
          onClick={() => onOpen(request.id)}
          fw={600}
          c="blue.9"
          td="underline"
          style={{ overflowWrap: 'anywhere', textAlign: 'start' }}
        >
          {request.organizationName}
        </UnstyledButton>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {request.contactName}
        </Text>
        <Text size="sm">{t(`trainingRequests.settings.${request.setting}`)}</Text>
        {dates && (
          <Text size="sm">
            {t('trainingRequests.preferredDates')}: {dates}
          </Text>
        )}
        <Text size="xs" c="gray.7">
          {request.reference} · {requestAge(request.createdAt, now, i18n.language)}
        </Text>
      </Stack>
    </Paper>
  );
}

function Column({ status, onOpen }: { status: TrainingRequestStatus; onOpen: (id: string) => void }) {
  const { t } = useTranslation('platform');
  const list = useCursorList({
    queryKey: [...trainingRequestsKey, 'column', status],
    fetchPage: (cursor) =>
      unwrap(
        api.GET('/api/v1/platform/training-requests', {
          params: { query: { status, limit: PAGE, ...(cursor ? { cursor } : {}) } },
        }),
      ),
  });
  const titleId = `column-${status}`;
  const body = () => {
    if (list.query.isPending) return <LoadingState />;
    if (list.query.isError) return <ErrorState error={list.query.error} onRetry={list.retry} />;
    if (list.items.length === 0) return <Text size="sm">{t('trainingRequests.emptyColumn')}</Text>;
    return (
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {list.items.map((request) => (
          <RequestCard key={request.id} request={request} onOpen={onOpen} />
        ))}
      </Stack>
    );
  };
  return (
    <Paper component="section" aria-labelledby={titleId} withBorder p="sm" radius="md" bg="gray.0">
      <Title order={2} size="h4" id={titleId} mb="sm">
        {t(`trainingRequests.statuses.${status}`)}{' '}
        {list.query.isSuccess && (
          <Text span inherit c="gray.7" fw={400}>
            ({list.items.length}
            {list.more.available ? '+' : ''})
          </Text>
        )}
      </Title>
      <Stack gap="xs">
        {body()}
        <MoreButton more={list.more}>{t('more')}</MoreButton>
      </Stack>
    </Paper>
  );
}

/**
 * `/platform/training-requests`: the intake pipeline as a board, a column per status. Opening a card shows the
 * request and its allowed moves as buttons (no dragging), its facilitator, notes and history.
 */
export function TrainingRequestsPage() {
  const { t } = useTranslation('platform');
  const [showClosed, setShowClosed] = useState(false);
  const [opened, setOpened] = useState<string | null>(null);
  const columns = showClosed ? [...PIPELINE, ...CLOSED] : PIPELINE;
  return (
    <Stack gap="md">
      <PageTitle>{t('trainingRequests.title')}</PageTitle>
      <Text mt="-md">{t('trainingRequests.intro')}</Text>
      <Switch
        label={t('trainingRequests.showClosed')}
        checked={showClosed}
        onChange={(event) => setShowClosed(event.currentTarget.checked)}
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: columns.length > 5 ? 4 : 5 }} spacing="sm">
        {columns.map((status) => (
          <Column key={status} status={status} onOpen={setOpened} />
        ))}
      </SimpleGrid>
      <TrainingRequestDetail id={opened} onClose={() => setOpened(null)} />
    </Stack>
  );
}
