import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { unwrap } from '../../api/api-error';
import { EmptyState } from '../../components/empty-state.component';
import { ErrorState, useErrorMessage } from '../../components/error-state.component';
import { LoadingState } from '../../components/loading-state.component';
import { useFormatters } from '../../i18n/use-formatters.hook';
import { ConfirmButton } from '../admin/confirm-button.component';
import { notify } from '../admin/notify';
import { type RosterEntry, rosterQuery, SESSIONS_KEY } from './sessions.queries';

const listStyle = { listStyle: 'none' } as const;

function useRosterChange<T, R>(sessionId: string, change: (variables: T) => Promise<R>) {
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  return useMutation({
    mutationFn: change,
    onError: (error) => notify(errorMessage(error), 'failure'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...SESSIONS_KEY, sessionId] }),
  });
}

/** One registered person: one tap marks them present or absent; a check-in to confirm can be turned down. */
function RosterLine({ sessionId, entry }: { sessionId: string; entry: RosterEntry }) {
  const { t } = useTranslation('sessions');
  const mark = useRosterChange(sessionId, (attended: boolean) =>
    unwrap(
      api.POST('/api/v1/live-sessions/{id}/attendance', {
        params: { path: { id: sessionId } },
        body: { memberId: entry.memberId, attended },
      }),
    ),
  );
  const reject = useRosterChange(sessionId, () =>
    unwrap(
      api.POST('/api/v1/live-sessions/{id}/check-ins/{memberId}/reject', {
        params: { path: { id: sessionId, memberId: entry.memberId } },
      }),
    ),
  );
  const nameId = `roster-${entry.memberId}`;
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Stack gap={6}>
        <div>
          <Text fw={600} id={nameId} style={{ overflowWrap: 'anywhere' }}>
            {entry.name}
          </Text>
          {entry.email && (
            <Text size="sm" c="gray.7" style={{ overflowWrap: 'anywhere' }}>
              {entry.email}
            </Text>
          )}
        </div>
        {entry.checkIn && (
          <Badge
            color={
              entry.checkIn === 'rejected' ? 'red.9' : entry.checkIn === 'confirmed' ? 'teal.9' : 'orange.9'
            }
            variant="filled"
            style={{ alignSelf: 'flex-start' }}
          >
            {t(`roster.checkIn.${entry.checkIn}`)}
          </Badge>
        )}
        <Group gap="xs" role="group" aria-label={t('roster.markFor', { name: entry.name })}>
          <Button
            size="md"
            mih={44}
            miw={44}
            color="teal.9"
            variant={entry.attendance === 'attended' ? 'filled' : 'outline'}
            aria-pressed={entry.attendance === 'attended'}
            loading={mark.isPending && mark.variables}
            onClick={() => mark.mutate(true)}
          >
            {t('roster.present')}
          </Button>
          <Button
            size="md"
            mih={44}
            miw={44}
            color="red.9"
            variant={entry.attendance === 'absent' ? 'filled' : 'outline'}
            aria-pressed={entry.attendance === 'absent'}
            loading={mark.isPending && !mark.variables}
            onClick={() => mark.mutate(false)}
          >
            {t('roster.absent')}
          </Button>
          {entry.checkIn === 'provisional' && (
            <Button
              size="md"
              mih={44}
              variant="default"
              aria-label={t('roster.rejectFor', { name: entry.name })}
              loading={reject.isPending}
              onClick={() => reject.mutate(undefined)}
            >
              {t('roster.reject')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

/**
 * The roster a facilitator works from at 360 px: one card per person, stacked, with buttons at least 44 px;
 * the waitlist below; closing confirms the check-ins not rejected.
 */
export function Roster({ sessionId, cancelled }: { sessionId: string; cancelled: boolean }) {
  const { t } = useTranslation('sessions');
  const { formatDate } = useFormatters();
  const roster = useQuery(rosterQuery(sessionId));
  const close = useRosterChange(sessionId, () =>
    unwrap(api.POST('/api/v1/live-sessions/{id}/roster/close', { params: { path: { id: sessionId } } })),
  );

  const body = () => {
    if (roster.isPending) return <LoadingState />;
    if (roster.isError) return <ErrorState error={roster.error} onRetry={() => void roster.refetch()} />;
    const registered = roster.data.items.filter((entry) => entry.registrationStatus === 'registered');
    const waitlisted = roster.data.items.filter((entry) => entry.registrationStatus === 'waitlisted');
    return (
      <Stack gap="md">
        {registered.length === 0 ? (
          <EmptyState>{t('roster.empty')}</EmptyState>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={listStyle}>
            {registered.map((entry) => (
              <RosterLine key={entry.memberId} sessionId={sessionId} entry={entry} />
            ))}
          </Stack>
        )}
        {waitlisted.length > 0 && (
          <section aria-labelledby="waitlist-heading">
            <Title order={3} size="h4" mb="xs" id="waitlist-heading">
              {t('roster.waitlist')}
            </Title>
            <Stack component="ol" gap={4} m={0} pl="lg">
              {waitlisted.map((entry) => (
                <Text component="li" key={entry.memberId} style={{ overflowWrap: 'anywhere' }}>
                  {entry.name}
                </Text>
              ))}
            </Stack>
          </section>
        )}
        {roster.data.rosterClosedAt && (
          <Text role="status">{t('roster.closedOn', { date: formatDate(roster.data.rosterClosedAt) })}</Text>
        )}
        {!roster.data.rosterClosedAt && !cancelled && (
          <ConfirmButton
            size="md"
            mih={44}
            style={{ alignSelf: 'flex-start' }}
            message={t('roster.closeMessage')}
            loading={close.isPending}
            onConfirm={() =>
              close.mutate(undefined, {
                onSuccess: (closed) => notify(t('roster.closedNow', { count: closed.confirmed.length })),
              })
            }
          >
            {t('roster.close')}
          </ConfirmButton>
        )}
      </Stack>
    );
  };

  return (
    <section aria-labelledby="roster-heading">
      <Title order={2} size="h3" mb="sm" id="roster-heading">
        {t('roster.heading')}
      </Title>
      {body()}
    </section>
  );
}
