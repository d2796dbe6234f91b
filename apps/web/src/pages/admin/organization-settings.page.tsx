import { Alert, Button, NumberInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { ApiError, unwrap } from '../../api/api-error';
import { ErrorState, useErrorMessage } from '../../components/error-state.component';
import { LoadingState } from '../../components/loading-state.component';
import { PageTitle } from '../../components/page-title.component';
import { useSession } from '../../session/use-session.hook';

/** `/admin/organization`: name, time zone and idle sign-out (org_admin edits; educators read). */
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
  const form = useForm({ initialValues: { name: '', timezone: '', idleSignOutMinutes: 15 } });
  const { setValues, resetDirty } = form;

  useEffect(() => {
    if (!query.data) return;
    const { name, timezone, idleSignOutMinutes } = query.data;
    setValues({ name, timezone, idleSignOutMinutes });
    resetDirty({ name, timezone, idleSignOutMinutes });
  }, [query.data, setValues, resetDirty]);

  const save = useMutation({
    mutationFn: (values: typeof form.values) => unwrap(api.PATCH('/api/v1/organization', { body: values })),
    onSuccess: (organization) => {
      // The idle sign-out reads its limit from the organization query too.
      void queryClient.invalidateQueries({ queryKey: ['organization'] });
      queryClient.setQueryData(['organization', session.organizationId], organization);
      notifications.show({ message: common('saved'), color: 'green' });
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
        <Stack maw={520}>
          {!canEdit && <Alert color="blue">{t('organization.readOnly')}</Alert>}
          {save.isError && !(save.error instanceof ApiError && save.error.status === 400) && (
            <Alert color="red" role="alert">
              {errorMessage(save.error)}
            </Alert>
          )}
          <TextInput label={t('organization.name')} readOnly={!canEdit} {...form.getInputProps('name')} />
          <TextInput
            label={t('organization.timezone')}
            description={t('organization.timezoneHelp')}
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
