import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Select,
  Stack,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { ApiError, unwrap } from '../../api/api-error';
import type { components } from '../../api/schema';
import { ErrorState, useErrorMessage } from '../../components/error-state.component';
import { LoadingState } from '../../components/loading-state.component';
import { PageTitle } from '../../components/page-title.component';
import { useSession } from '../../session/use-session.hook';
import { notify } from './notify';

type Settings = components['schemas']['OrganizationSettingsView'];

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
const DEFAULT_WINDOW = { start: '08:00', end: '20:00', days: [...WEEKDAYS] as string[] };

interface SettingsForm {
  name: string;
  timezone: string;
  idleSignOutMinutes: number | string;
  anyTime: boolean;
  reminderWindow: { start: string; end: string; days: string[] };
}

function formValues(settings: Settings): SettingsForm {
  const window = settings.reminderWindow;
  return {
    name: settings.name,
    timezone: settings.timezone,
    idleSignOutMinutes: settings.idleSignOutMinutes,
    anyTime: window === null,
    reminderWindow: window
      ? { start: window.start, end: window.end, days: window.days.map(String) }
      : DEFAULT_WINDOW,
  };
}

/** Time zones the browser knows (IANA names), with the saved one kept even when the browser lacks it. */
function useTimeZones(current: string): string[] {
  return useMemo(() => {
    const zones = Intl.supportedValuesOf('timeZone');
    return zones.includes(current) || !current ? zones : [current, ...zones];
  }, [current]);
}

/** `/admin/organization`: name, time zone, reminder window and idle sign-out (org_admin edits; educators read). */
export function OrganizationSettingsPage() {
  const { t } = useTranslation('admin');
  const { t: common } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const canEdit = session.roles.includes('org_admin');
  const query = useQuery({
    queryKey: ['organization', session.organizationId],
    queryFn: () => unwrap(api.GET('/api/v1/organization')),
  });
  const form = useForm<SettingsForm>({
    initialValues: {
      name: '',
      timezone: '',
      idleSignOutMinutes: 15,
      anyTime: false,
      reminderWindow: DEFAULT_WINDOW,
    },
  });
  const { setValues, resetDirty } = form;
  const zones = useTimeZones(form.values.timezone);

  useEffect(() => {
    if (!query.data) return;
    const values = formValues(query.data);
    setValues(values);
    resetDirty(values);
  }, [query.data, setValues, resetDirty]);

  const save = useMutation({
    mutationFn: (values: SettingsForm) =>
      unwrap(
        api.PATCH('/api/v1/organization', {
          body: {
            name: values.name,
            timezone: values.timezone,
            idleSignOutMinutes: Number(values.idleSignOutMinutes),
            reminderWindow: values.anyTime
              ? null
              : { ...values.reminderWindow, days: values.reminderWindow.days.map(Number).sort() },
          },
        }),
      ),
    onSuccess: (organization) => {
      // The idle sign-out reads its limit from the organization query too.
      void queryClient.invalidateQueries({ queryKey: ['organization'] });
      queryClient.setQueryData(['organization', session.organizationId], organization);
      notify(common('saved'));
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) form.setErrors(error.fieldErrors);
    },
  });

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <>
      <PageTitle>{t('organization.title')}</PageTitle>
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack maw={560}>
          {!canEdit && <Alert color="blue">{t('organization.readOnly')}</Alert>}
          {save.isError && !(save.error instanceof ApiError && save.error.status === 400) && (
            <Alert color="red" role="alert">
              {errorMessage(save.error)}
            </Alert>
          )}
          <TextInput label={t('organization.name')} readOnly={!canEdit} {...form.getInputProps('name')} />
          <Select
            label={t('organization.timezone')}
            description={t('organization.timezoneHelp')}
            data={zones}
            searchable
            allowDeselect={false}
            readOnly={!canEdit}
            {...form.getInputProps('timezone')}
          />
          <NumberInput
            label={t('organization.idleSignOutMinutes')}
            description={t('organization.idleSignOutMinutesHelp')}
            min={1}
            max={1440}
            readOnly={!canEdit}
            {...form.getInputProps('idleSignOutMinutes')}
          />
          <Fieldset legend={t('organization.reminderWindow')}>
            <Stack gap="sm">
              <Checkbox
                label={t('organization.anyTime')}
                description={t('organization.anyTimeHelp')}
                disabled={!canEdit}
                {...form.getInputProps('anyTime', { type: 'checkbox' })}
              />
              {!form.values.anyTime && (
                <>
                  <Group grow align="flex-start">
                    <TextInput
                      type="time"
                      label={t('organization.windowStart')}
                      readOnly={!canEdit}
                      {...form.getInputProps('reminderWindow.start')}
                    />
                    <TextInput
                      type="time"
                      label={t('organization.windowEnd')}
                      readOnly={!canEdit}
                      {...form.getInputProps('reminderWindow.end')}
                    />
                  </Group>
                  <Checkbox.Group
                    label={t('organization.windowDays')}
                    {...form.getInputProps('reminderWindow.days')}
                  >
                    <Group gap="sm" mt={4}>
                      {WEEKDAYS.map((day) => (
                        <Checkbox key={day} value={day} disabled={!canEdit} label={t(`weekdays.${day}`)} />
                      ))}
                    </Group>
                  </Checkbox.Group>
                </>
              )}
            </Stack>
          </Fieldset>
          {canEdit && (
            <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('organization.save')}
            </Button>
          )}
        </Stack>
      </form>
    </>
  );
}
