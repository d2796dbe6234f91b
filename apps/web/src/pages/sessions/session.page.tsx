import { Alert, Badge, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useLocation, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/error-state.component';
import { LoadingState } from '../../components/loading-state.component';
import { PageTitle } from '../../components/page-title.component';
import { ButtonLink } from '../../components/router-links.component';
import { useSession } from '../../session/use-session.hook';
import { CheckInCode } from './check-in-code.component';
import { MyRegistration } from './my-registration.component';
import { PublishDraft } from './publish-draft.component';
import { Roster } from './roster.component';
import { canSchedule, isEditable } from './session-editing';
import { type LiveSession, sessionQuery } from './sessions.queries';
import { useSessionTime } from './use-session-time.hook';

const ROSTER_KEEPERS = ['org_admin', 'educator', 'facilitator', 'platform_admin'];

function Fact({ label, children }: { label: string; children: string }) {
  return (
    <div>
      <Text component="dt" size="sm" c="gray.7">
        {label}
      </Text>
      <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

function Details({ session }: { session: LiveSession }) {
  const { t } = useTranslation('sessions');
  const time = useSessionTime();
  const seatsLeft = Math.max(0, session.capacity - session.registeredCount);
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        {session.status === 'cancelled' && (
          <Badge color="red.9" variant="filled">
            {t('cancelled')}
          </Badge>
        )}
        {session.status === 'draft' && (
          <Badge color="violet.9" variant="filled">
            {t('draft.badge')}
          </Badge>
        )}
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} m={0} spacing="sm">
          <Fact label={t('detail.course')}>{session.courseTitle}</Fact>
          <Fact label={t('detail.when')}>{time(session)}</Fact>
          <Fact label={t('detail.where')}>
            {t('place', { site: session.siteName, location: session.location })}
          </Fact>
          <Fact label={t('detail.seats')}>
            {seatsLeft > 0
              ? t('seatsLeft', { count: seatsLeft, capacity: session.capacity })
              : t('full', { waitlist: session.waitlistCount })}
          </Fact>
        </SimpleGrid>
        {session.facilitators.length > 0 && (
          <Text size="sm">
            {t('facilitators', { names: session.facilitators.map((person) => person.name).join(', ') })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** What the edit page saved, said once the session shows its new state (the history entry carries it). */
function SavedNotice() {
  const { t } = useTranslation('sessions');
  const saved = useLocation({ select: (location) => location.state.sessionSaved });
  if (!saved) return null;
  return (
    <Alert color="teal" role="status">
      <Text fw={700}>{t('edit.saved')}</Text>
      {saved.invited > 0 && <Text size="sm">{t('edit.invited', { count: saved.invited })}</Text>}
    </Alert>
  );
}

/**
 * `/sessions/$id`: the session; a member registers, downloads the invite and checks in; a facilitator or the
 * organization's staff keep the roster and show the check-in code.
 */
export function SessionPage() {
  const { t } = useTranslation('sessions');
  const { id } = useParams({ from: '/app/sessions/$id' });
  const person = useSession();
  const query = useQuery(sessionQuery(id));
  const held = new Set([...person.roles, ...person.platformRoles]);
  const keepsRoster = ROSTER_KEEPERS.some((role) => held.has(role));
  const [now] = useState(() => Date.now());

  if (query.isPending) return <LoadingState />;
  if (query.isError)
    return (
      <>
        <PageTitle>{t('list.title')}</PageTitle>
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  const session = query.data;
  return (
    <>
      <PageTitle>{session.courseTitle}</PageTitle>
      <Stack gap="xl">
        <SavedNotice />
        <Details session={session} />
        {canSchedule(person) && isEditable(session, now) && (
          <ButtonLink
            to="/sessions/$id/edit"
            params={{ id: session.id }}
            variant="outline"
            style={{ alignSelf: 'flex-start' }}
          >
            {t('edit.open')}
          </ButtonLink>
        )}
        {session.status === 'draft' && <PublishDraft sessionId={session.id} />}
        {person.organizationId !== null && session.status !== 'draft' && <MyRegistration session={session} />}
        {keepsRoster && session.status === 'scheduled' && (
          <CheckInCode sessionId={session.id} timezone={session.timezone} />
        )}
        {keepsRoster && session.status !== 'draft' && (
          <Roster sessionId={session.id} cancelled={session.status === 'cancelled'} />
        )}
      </Stack>
    </>
  );
}
