import { Alert, Stack } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { unwrap } from '../../api/api-error';
import type { components } from '../../api/schema';
import { ErrorState } from '../../components/error-state.component';
import { LoadingState } from '../../components/loading-state.component';
import { PageTitle } from '../../components/page-title.component';
import { useSession } from '../../session/use-session.hook';
import { coursesQuery } from '../admin/cohort.queries';
import { sitesQuery } from '../admin/structure.queries';
import { SessionForm } from './session-form.component';
import { NEW_SESSION_VALUES } from './session-form-values';
import { useSaveProblem, useSessionForm } from './use-session-form.hook';

type NewSession = components['schemas']['CreateLiveSessionDto'];

function ScheduleForm({ zone }: { zone: string }) {
  const { t } = useTranslation('admin');
  const navigate = useNavigate();
  const { trainingRequestId } = useSearch({ from: '/app/sessions/new' });
  const courses = useQuery(coursesQuery);
  const sites = useQuery(sitesQuery());
  const form = useSessionForm(NEW_SESSION_VALUES);
  const saveProblem = useSaveProblem(form, true);

  const save = useMutation({
    mutationFn: (body: NewSession) => unwrap(api.POST('/api/v1/live-sessions', { body })),
    onMutate: () => saveProblem.setProblem(null),
    onSuccess: (session) => void navigate({ to: '/sessions/$id', params: { id: session.id } }),
    onError: saveProblem.show,
  });

  if (courses.isError) return <ErrorState error={courses.error} onRetry={() => void courses.refetch()} />;
  if (sites.isError) return <ErrorState error={sites.error} onRetry={() => void sites.refetch()} />;
  return (
    <SessionForm
      form={form}
      zone={zone}
      zoneNote={t('newSession.zoneNote', { zone })}
      course={{ choices: (courses.data ?? []).map((course) => ({ value: course.id, label: course.title })) }}
      site={{ choices: (sites.data ?? []).map((site) => ({ value: site.id, label: site.name })) }}
      conflictScope={{}}
      submitLabel={t('newSession.save')}
      saving={save.isPending}
      problem={saveProblem.problem}
      onSave={(values, at) => {
        if (!values.courseId || !values.siteId) return;
        save.mutate({
          courseId: values.courseId,
          siteId: values.siteId,
          startsAt: at.startsAt,
          endsAt: at.endsAt,
          timezone: zone,
          location: values.location.trim(),
          capacity: Number(values.capacity),
          facilitatorIds: values.facilitatorIds,
          ...(trainingRequestId ? { trainingRequestId } : {}),
        });
      }}
    />
  );
}

/**
 * `/sessions/new`: schedule an onsite session at one of the organization's sites, in the organization's zone. As
 * the time or the facilitators change, the preview says who is busy then (their travel time included), and
 * saving waits until nobody picked is.
 */
export function NewSessionPage() {
  const { t } = useTranslation('admin');
  const session = useSession();
  const organization = useQuery({
    queryKey: ['organization', session.organizationId],
    queryFn: () => unwrap(api.GET('/api/v1/organization')),
    enabled: session.organizationId !== null,
  });
  const body = () => {
    // A platform admin's token names no organization, and an organization's sites are listed to its staff only.
    if (session.organizationId === null)
      return <Alert color="blue">{t('newSession.needsOrganization')}</Alert>;
    if (organization.isPending) return <LoadingState />;
    if (organization.isError)
      return <ErrorState error={organization.error} onRetry={() => void organization.refetch()} />;
    return <ScheduleForm zone={organization.data.timezone} />;
  };
  return (
    <Stack gap="md">
      <PageTitle>{t('newSession.title')}</PageTitle>
      {body()}
    </Stack>
  );
}
