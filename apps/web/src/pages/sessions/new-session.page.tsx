import {
  Alert,
  Button,
  Group,
  List,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { ApiError, unwrap } from '../../api/api-error';
import type { components } from '../../api/schema';
import { ErrorState, useErrorMessage } from '../../components/error-state.component';
import { LoadingState } from '../../components/loading-state.component';
import { PageTitle } from '../../components/page-title.component';
import { useSession } from '../../session/use-session.hook';
import { coursesQuery } from '../admin/cohort.queries';
import { sitesQuery } from '../admin/structure.queries';
import { facilitatorsQuery } from '../platform/training-requests/training-request-detail.component';
import { zonedInstant } from './new-session-zone';

type Conflict = components['schemas']['LiveSessionConflictView'];
type NewSession = components['schemas']['CreateLiveSessionDto'];

interface SessionForm {
  courseId: string | null;
  siteId: string | null;
  date: string;
  time: string;
  durationMinutes: number | string;
  location: string;
  capacity: number | string;
  facilitatorIds: string[];
}

/** The session's instants from the form, in the organization's zone; null until date, time and duration are set. */
function sessionTimes(values: SessionForm, zone: string): { startsAt: string; endsAt: string } | null {
  const starts = zonedInstant(values.date, values.time, zone);
  const minutes = Number(values.durationMinutes);
  if (!starts || !Number.isInteger(minutes) || minutes < 1) return null;
  return {
    startsAt: starts.toISOString(),
    endsAt: new Date(starts.getTime() + minutes * 60_000).toISOString(),
  };
}

function ConflictList({ conflicts, zone }: { conflicts: Conflict[]; zone: string }) {
  const { t, i18n } = useTranslation('admin');
  const when = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: zone,
  });
  return (
    <Alert color="red" title={t('newSession.conflictsTitle')}>
      <List size="sm">
        {conflicts.map((conflict) => (
          <List.Item key={`${conflict.facilitatorId}-${conflict.busyFrom}`}>
            {t(conflict.sessionId ? 'newSession.busyHere' : 'newSession.busyElsewhere', {
              name: conflict.facilitatorName,
              from: when.format(new Date(conflict.busyFrom)),
              until: when.format(new Date(conflict.busyUntil)),
            })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

function ScheduleForm({ zone }: { zone: string }) {
  const { t } = useTranslation('admin');
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const { trainingRequestId } = useSearch({ from: '/app/sessions/new' });
  const courses = useQuery(coursesQuery);
  const sites = useQuery(sitesQuery());
  const facilitators = useQuery(facilitatorsQuery);
  const [saveProblem, setSaveProblem] = useState<string | null>(null);
  const form = useForm<SessionForm>({
    initialValues: {
      courseId: null,
      siteId: null,
      date: '',
      time: '09:00',
      durationMinutes: 120,
      location: '',
      capacity: 20,
      facilitatorIds: [],
    },
    validate: {
      courseId: (value) => (value ? null : t('newSession.required')),
      siteId: (value) => (value ? null : t('newSession.required')),
      date: (value) => (value ? null : t('newSession.required')),
      location: (value) => (value.trim() ? null : t('newSession.required')),
      facilitatorIds: (value) => (value.length > 0 ? null : t('newSession.pickFacilitator')),
    },
  });
  const times = sessionTimes(form.values, zone);
  const [probe] = useDebouncedValue(
    times && form.values.facilitatorIds.length > 0
      ? { ...times, facilitatorIds: form.values.facilitatorIds }
      : null,
    400,
  );
  const conflicts = useQuery({
    queryKey: ['live-sessions', 'conflicts', probe],
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/live-sessions/conflicts', {
            params: {
              query: {
                facilitatorIds: probe?.facilitatorIds ?? [],
                startsAt: probe?.startsAt ?? '',
                endsAt: probe?.endsAt ?? '',
              },
            },
          }),
        )
      ).items,
    enabled: probe !== null,
    placeholderData: keepPreviousData,
  });
  const busy = probe !== null && (conflicts.data?.length ?? 0) > 0;
  // The preview is of what is on screen only once the debounce has caught up with the form.
  const settled =
    probe !== null &&
    times !== null &&
    probe.startsAt === times.startsAt &&
    probe.endsAt === times.endsAt &&
    probe.facilitatorIds.join() === form.values.facilitatorIds.join() &&
    conflicts.isSuccess &&
    !conflicts.isPlaceholderData;

  const save = useMutation({
    mutationFn: (body: NewSession) => unwrap(api.POST('/api/v1/live-sessions', { body })),
    onMutate: () => setSaveProblem(null),
    onSuccess: (session) => void navigate({ to: '/sessions/$id', params: { id: session.id } }),
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        setSaveProblem(t('newSession.bookedMeanwhile'));
        void conflicts.refetch();
      } else if (error instanceof ApiError && error.status === 400) {
        form.setErrors(error.fieldErrors);
        setSaveProblem(errorMessage(error));
      } else setSaveProblem(errorMessage(error));
    },
  });

  const submit = form.onSubmit((values) => {
    const at = sessionTimes(values, zone);
    if (!at || !values.courseId || !values.siteId) return;
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
  });

  if (courses.isError) return <ErrorState error={courses.error} onRetry={() => void courses.refetch()} />;
  if (sites.isError) return <ErrorState error={sites.error} onRetry={() => void sites.refetch()} />;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('newSession.course')}
            required
            data={(courses.data ?? []).map((course) => ({ value: course.id, label: course.title }))}
            {...form.getInputProps('courseId')}
          />
          <Select
            label={t('newSession.site')}
            required
            data={(sites.data ?? []).map((site) => ({ value: site.id, label: site.name }))}
            {...form.getInputProps('siteId')}
          />
        </SimpleGrid>
        <Paper withBorder p="sm" radius="md" component="fieldset">
          <Text component="legend" fw={600} px={4}>
            {t('newSession.when', { zone })}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput type="date" label={t('newSession.date')} required {...form.getInputProps('date')} />
            <TextInput
              type="time"
              label={t('newSession.startTime')}
              required
              {...form.getInputProps('time')}
            />
            <NumberInput
              label={t('newSession.duration')}
              min={15}
              max={24 * 60}
              step={15}
              allowDecimal={false}
              required
              {...form.getInputProps('durationMinutes')}
            />
          </SimpleGrid>
          <Text size="sm" mt="xs">
            {t('newSession.zoneNote', { zone })}
          </Text>
        </Paper>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('newSession.location')}
            required
            maxLength={500}
            {...form.getInputProps('location')}
          />
          <NumberInput
            label={t('newSession.capacity')}
            min={1}
            max={1000}
            allowDecimal={false}
            required
            {...form.getInputProps('capacity')}
          />
        </SimpleGrid>
        <MultiSelect
          label={t('newSession.facilitators')}
          required
          searchable
          maxValues={10}
          data={(facilitators.data ?? []).map((f) => ({ value: f.id, label: f.name }))}
          {...form.getInputProps('facilitatorIds')}
        />
        <section aria-labelledby="conflicts-title">
          <Title order={2} size="h4" id="conflicts-title" mb="xs">
            {t('newSession.availability')}
          </Title>
          <div role="status" aria-live="polite">
            {probe === null ? (
              <Text size="sm">{t('newSession.pickToCheck')}</Text>
            ) : conflicts.isError ? (
              <Text size="sm">{errorMessage(conflicts.error)}</Text>
            ) : !settled ? (
              <Text size="sm">{t('newSession.checking')}</Text>
            ) : busy ? (
              <ConflictList conflicts={conflicts.data ?? []} zone={zone} />
            ) : (
              <Text size="sm">{t('newSession.allFree')}</Text>
            )}
          </div>
        </section>
        {saveProblem && (
          <Alert color="red" role="alert">
            {saveProblem}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending} disabled={busy || !settled}>
            {t('newSession.save')}
          </Button>
        </Group>
      </Stack>
    </form>
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
