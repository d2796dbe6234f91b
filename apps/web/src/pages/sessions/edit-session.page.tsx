import { Alert, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { unwrap } from '../../api/api-error';
import { ErrorState } from '../../components/error-state.component';
import { LoadingState } from '../../components/loading-state.component';
import { PageTitle } from '../../components/page-title.component';
import { AnchorLink } from '../../components/router-links.component';
import { useSession } from '../../session/use-session.hook';
import { sitesQuery } from '../admin/structure.queries';
import { inviteResent, type SessionChanges, sessionChanges } from './session-changes';
import { canSchedule, isEditable } from './session-editing';
import { type Choice, SessionForm } from './session-form.component';
import { sessionFormValues } from './session-form-values';
import { type LiveSession, SESSIONS_KEY, sessionQuery } from './sessions.queries';
import { useSaveProblem, useSessionForm } from './use-session-form.hook';

function ChangeForm({ session }: { session: LiveSession }) {
  const { t } = useTranslation('admin');
  const person = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // The session as the form opened on it: what the person changed is measured from here, so a field someone else
  // changed meanwhile (the query refreshing underneath) is not sent back.
  const [opened] = useState(session);
  // A platform admin's token names no organization: GET /sites is not theirs to call.
  const listsSites = person.organizationId !== null;
  const sites = useQuery({ ...sitesQuery(), enabled: listsSites });
  const form = useSessionForm(sessionFormValues(opened));
  const saveProblem = useSaveProblem(form, false);
  const [unchangedAsked, setUnchangedAsked] = useState(false);

  const save = useMutation({
    mutationFn: (body: SessionChanges) =>
      unwrap(api.PATCH('/api/v1/live-sessions/{id}', { params: { path: { id: opened.id } }, body })),
    onMutate: () => saveProblem.setProblem(null),
    onSuccess: async (saved, changes) => {
      queryClient.setQueryData(sessionQuery(saved.id).queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
      await navigate({
        to: '/sessions/$id',
        params: { id: saved.id },
        state: { sessionSaved: { invited: inviteResent(saved, changes) ? saved.registeredCount : 0 } },
      });
    },
    onError: saveProblem.show,
  });

  const current: Choice = { value: opened.siteId, label: opened.siteName };
  const listed = (sites.data ?? []).map((site) => ({ value: site.id, label: site.name }));
  // An archived site is listed no more, yet the session may still be there.
  const siteChoices = listed.some((site) => site.value === current.value) ? listed : [current, ...listed];
  const nothingChanged = unchangedAsked && Object.keys(sessionChanges(opened, form.values)).length === 0;

  return (
    <Stack gap="md">
      {opened.status === 'scheduled' && opened.registeredCount > 0 && (
        <Text>{t('editSession.seatsTaken', { count: opened.registeredCount })}</Text>
      )}
      <SessionForm
        form={form}
        zone={opened.timezone}
        zoneNote={t('editSession.zoneNote', { zone: opened.timezone })}
        course={{ choices: [{ value: opened.courseId, label: opened.courseTitle }], readOnly: true }}
        site={
          listsSites && !sites.isError ? { choices: siteChoices } : { choices: [current], readOnly: true }
        }
        facilitators={opened.facilitators.map((f) => ({ value: f.id, label: f.name }))}
        conflictScope={{ excludeSessionId: opened.id, organizationId: opened.organizationId }}
        submitLabel={t('editSession.save')}
        saving={save.isPending}
        problem={saveProblem.problem}
        notice={
          nothingChanged && (
            <Alert color="blue" role="status">
              {t('editSession.nothingChanged')}
            </Alert>
          )
        }
        onSave={(values) => {
          const changes = sessionChanges(opened, values);
          setUnchangedAsked(Object.keys(changes).length === 0);
          if (Object.keys(changes).length > 0) save.mutate(changes);
        }}
      />
    </Stack>
  );
}

/**
 * `/sessions/$id/edit`: move a draft or scheduled session, change its place, seats or facilitators. The times are
 * the session's own zone's; only what changed is sent, and a scheduled session's registrants get the new invite.
 */
export function EditSessionPage() {
  const { t } = useTranslation('admin');
  const { id } = useParams({ from: '/app/sessions/$id/edit' });
  const person = useSession();
  const query = useQuery({ ...sessionQuery(id), enabled: canSchedule(person) });
  const [now] = useState(() => Date.now());

  const body = () => {
    if (!canSchedule(person)) return <Alert color="blue">{t('editSession.notAllowed')}</Alert>;
    if (query.isPending) return <LoadingState />;
    if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
    if (!isEditable(query.data, now)) return <Alert color="blue">{t('editSession.notEditable')}</Alert>;
    // Keyed: another session's page starts its form afresh rather than keep this one's values.
    return <ChangeForm key={query.data.id} session={query.data} />;
  };
  return (
    <Stack gap="md">
      <PageTitle>{t('editSession.title')}</PageTitle>
      <AnchorLink to="/sessions/$id" params={{ id }} style={{ alignSelf: 'flex-start' }}>
        {t('editSession.back')}
      </AnchorLink>
      {body()}
    </Stack>
  );
}
