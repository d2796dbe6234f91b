import { Alert, Button, Group, Modal, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/api-client';
import { ApiError, unwrap } from '../../../api/api-error';
import type { components } from '../../../api/schema';
import { ErrorState, useErrorMessage } from '../../../components/error-state.component';
import { LoadingState } from '../../../components/loading-state.component';
import { useEnumLabel } from '../../../i18n/use-enum-label.hook';
import { useFormatters } from '../../../i18n/use-formatters.hook';
import { movesFrom, type TrainingRequestStatus } from './training-request-moves';
import { AnchorLink } from '../../../components/router-links.component';
import { type Conversion, ConvertRequestSection } from './convert-request.component';

type Detail = components['schemas']['TrainingRequestDetail'];
type Activity = components['schemas']['TrainingRequestActivityView'];
type Change = components['schemas']['UpdateTrainingRequestDto'];

export const trainingRequestsKey = ['platform', 'training-requests'] as const;

export const facilitatorsQuery = {
  queryKey: ['facilitators'] as const,
  queryFn: async () => (await unwrap(api.GET('/api/v1/facilitators'))).items,
};

/** What was submitted, as text: React escapes it, so nothing a requester typed is ever markup. */
function Submitted({ request }: { request: Detail }) {
  const { t } = useTranslation('platform');
  const { formatDate } = useFormatters();
  const rows: Array<[string, string]> = [
    [t('trainingRequests.reference'), request.reference],
    [t('trainingRequests.organization'), request.organizationName],
    [t('trainingRequests.contact'), request.contactName],
    [t('trainingRequests.email'), request.email],
    [t('trainingRequests.phone'), request.phone ?? '—'],
    [t('trainingRequests.role'), request.role ?? '—'],
    [t('trainingRequests.setting'), t(`trainingRequests.settings.${request.setting}`)],
    [t('trainingRequests.format'), t(`trainingRequests.formats.${request.format}`)],
    [t('trainingRequests.staffCount'), request.staffCount === null ? '—' : String(request.staffCount)],
    [
      t('trainingRequests.preferredDates'),
      request.preferredDates.length === 0 ? '—' : request.preferredDates.map(formatDate).join(', '),
    ],
    [
      t('trainingRequests.location'),
      request.location ? `${request.location.city}, ${request.location.state}` : '—',
    ],
    [t('trainingRequests.received'), formatDate(request.createdAt)],
  ];
  return (
    <Stack gap="xs">
      <Table withTableBorder={false} layout="fixed">
        <caption className="visually-hidden">{t('trainingRequests.submitted')}</caption>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" w="35%">
                {label}
              </Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={3} size="h5">
        {t('trainingRequests.message')}
      </Title>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {request.message ?? '—'}
      </Text>
    </Stack>
  );
}

function useActivityWords(): (entry: Activity, facilitatorName: (id: string) => string) => string {
  const { t } = useTranslation('platform');
  const label = useEnumLabel('platform');
  return (entry, facilitatorName) => {
    const who = entry.actorName ?? t('trainingRequests.activity.publicForm');
    switch (entry.action) {
      case 'status_changed':
        return t('trainingRequests.activity.status_changed', {
          who,
          from: entry.from ? label('trainingRequests.statuses', entry.from) : '—',
          to: entry.to ? label('trainingRequests.statuses', entry.to) : '—',
        });
      case 'assigned':
        return t('trainingRequests.activity.assigned', {
          who,
          facilitator: entry.facilitatorId ? facilitatorName(entry.facilitatorId) : '—',
        });
      case 'note':
        return t('trainingRequests.activity.note', { who, note: entry.note ?? '' });
      case 'linked':
        return t('trainingRequests.activity.linked', { who });
      case 'converted':
        return t(
          entry.organizationCreated
            ? 'trainingRequests.activity.convertedCreated'
            : 'trainingRequests.activity.convertedLinked',
          { who },
        );
      case 'session_linked':
        return t('trainingRequests.activity.session_linked', { who });
      default:
        return t('trainingRequests.activity.received', { who });
    }
  };
}

/** Statuses a request may be converted from: not closed, not a duplicate. */
const CONVERTIBLE: ReadonlyArray<Detail['status']> = ['new', 'triaged', 'proposed', 'scheduled'];

function Workflow({ request }: { request: Detail }) {
  const { t } = useTranslation('platform');
  const { formatDate } = useFormatters();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const facilitators = useQuery(facilitatorsQuery);
  const [facilitatorId, setFacilitatorId] = useState<string | null>(request.assignedFacilitatorId);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [conversion, setConversion] = useState<Conversion | null>(null);
  const activityWords = useActivityWords();
  const names = new Map((facilitators.data ?? []).map((f) => [f.id, f.name]));
  const facilitatorName = (id: string) => names.get(id) ?? id;

  const change = useMutation({
    mutationFn: (body: Change) =>
      unwrap(
        api.PATCH('/api/v1/platform/training-requests/{id}', { params: { path: { id: request.id } }, body }),
      ),
    onMutate: () => {
      setProblem(null);
      setNotice(null);
    },
    onSuccess: (updated, body) => {
      queryClient.setQueryData([...trainingRequestsKey, request.id], updated);
      void queryClient.invalidateQueries({ queryKey: trainingRequestsKey, exact: false });
      if (body.note !== undefined) setNote('');
      setNotice(
        body.status
          ? t('trainingRequests.moved', { status: t(`trainingRequests.statuses.${body.status}`) })
          : body.note !== undefined
            ? t('trainingRequests.noted')
            : t('trainingRequests.assigned'),
      );
    },
    onError: (error) => {
      // Someone else moved it first: say so, then show where it is now.
      if (error instanceof ApiError && error.status === 409) {
        setProblem(t('trainingRequests.conflict'));
        void queryClient.invalidateQueries({ queryKey: trainingRequestsKey, exact: false });
      } else setProblem(errorMessage(error));
    },
  });

  const moves = movesFrom(request.status as TrainingRequestStatus);
  return (
    <Stack gap="md">
      <div role="status">{notice && <Alert color="green">{notice}</Alert>}</div>
      {problem && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
      <section aria-labelledby="request-status">
        <Title order={3} size="h5" id="request-status" mb="xs">
          {t('trainingRequests.statusNow', { status: t(`trainingRequests.statuses.${request.status}`) })}
        </Title>
        {moves.length === 0 ? (
          <Text size="sm">{t('trainingRequests.noMoves')}</Text>
        ) : (
          <Group gap="xs">
            {moves.map((status) => (
              <Button
                key={status}
                size="compact-md"
                variant={status === moves[0] ? 'filled' : 'outline'}
                color={status === moves[0] ? undefined : 'red.9'}
                loading={change.isPending && change.variables?.status === status}
                disabled={change.isPending}
                onClick={() => change.mutate({ status })}
              >
                {t(`trainingRequests.moveTo.${status}`)}
              </Button>
            ))}
          </Group>
        )}
      </section>
      <section aria-labelledby="request-assign">
        <Title order={3} size="h5" id="request-assign" mb="xs">
          {t('trainingRequests.assignTitle')}
        </Title>
        <Group align="flex-end" gap="xs">
          <Select
            label={t('trainingRequests.facilitator')}
            data={(facilitators.data ?? []).map((f) => ({ value: f.id, label: f.name }))}
            value={facilitatorId}
            onChange={setFacilitatorId}
            searchable
            style={{ flex: 1, minWidth: 180 }}
          />
          <Button
            variant="outline"
            disabled={!facilitatorId || facilitatorId === request.assignedFacilitatorId || change.isPending}
            onClick={() => facilitatorId && change.mutate({ assignedFacilitatorId: facilitatorId })}
          >
            {t('trainingRequests.assign')}
          </Button>
        </Group>
      </section>
      <section aria-labelledby="request-note">
        <Title order={3} size="h5" id="request-note" mb="xs">
          {t('trainingRequests.noteTitle')}
        </Title>
        <Stack gap="xs">
          <Textarea
            label={t('trainingRequests.note')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            maxLength={5000}
            autosize
            minRows={2}
          />
          <Button
            variant="outline"
            style={{ alignSelf: 'flex-start' }}
            disabled={note.trim() === '' || change.isPending}
            onClick={() => change.mutate({ note: note.trim() })}
          >
            {t('trainingRequests.addNote')}
          </Button>
        </Stack>
      </section>
      {(conversion !== null || (request.organizationId === null && CONVERTIBLE.includes(request.status))) && (
        <ConvertRequestSection
          requestId={request.id}
          organizationName={request.organizationName}
          done={conversion}
          onConverted={(converted) => {
            setConversion(converted);
            void queryClient.invalidateQueries({ queryKey: trainingRequestsKey, exact: false });
          }}
        />
      )}
      <section aria-labelledby="request-history">
        <Title order={3} size="h5" id="request-history" mb="xs">
          {t('trainingRequests.history')}
        </Title>
        <Stack component="ol" gap={4} p={0} m={0} style={{ listStyle: 'none' }}>
          {request.activity.map((entry) => (
            <Text component="li" size="sm" key={entry.id} style={{ overflowWrap: 'anywhere' }}>
              <Text span c="gray.7" size="xs">
                {formatDate(entry.at)}
              </Text>{' '}
              {activityWords(entry, facilitatorName)}
              {entry.sessionId && (
                <>
                  {' '}
                  <AnchorLink to="/sessions/$id" params={{ id: entry.sessionId }}>
                    {t('trainingRequests.openSession')}
                  </AnchorLink>
                </>
              )}
            </Text>
          ))}
        </Stack>
      </section>
    </Stack>
  );
}

/** A request opened from the board: what was submitted, the moves it may make, its facilitator, notes, history. */
export function TrainingRequestDetail({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation('platform');
  const query = useQuery({
    queryKey: [...trainingRequestsKey, id],
    queryFn: () =>
      unwrap(api.GET('/api/v1/platform/training-requests/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: id !== null,
  });
  const body = () => {
    if (query.isPending) return <LoadingState />;
    if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
    return (
      <Stack gap="lg">
        <Submitted request={query.data} />
        <Workflow key={query.data.id} request={query.data} />
      </Stack>
    );
  };
  return (
    <Modal
      opened={id !== null}
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('trainingRequests.close') }}
      size="xl"
      title={
        query.data
          ? t('trainingRequests.detailTitle', {
              reference: query.data.reference,
              organization: query.data.organizationName,
            })
          : t('trainingRequests.detailLoading')
      }
    >
      {id !== null && body()}
    </Modal>
  );
}
