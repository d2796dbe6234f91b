import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { ApiError, unwrap } from '../../api/api-error';
import { ErrorState, useErrorMessage } from '../../components/error-state.component';
import { LoadingState } from '../../components/loading-state.component';
import { PageTitle } from '../../components/page-title.component';
import { AnchorLink } from '../../components/router-links.component';
import { ConfirmButton } from './confirm-button.component';
import { type Member, orNull, ROLES } from './member-fields';
import { MemberFields, type MemberFormValues } from './member-form.component';
import { notify } from './notify';

type Role = (typeof ROLES)[number];

function valuesOf(member: Member): MemberFormValues {
  return {
    email: member.email,
    name: member.name,
    roles: member.roles,
    siteId: member.siteId,
    departmentId: member.departmentId,
    jobTitle: member.jobTitle ?? '',
    managerId: member.managerId,
  };
}

function MemberActions({ member }: { member: Member }) {
  const { t } = useTranslation('admin');
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const id = member.id;
  const act = useMutation({
    mutationFn: async (action: 'deactivate' | 'reactivate' | 'invite') => {
      const params = { params: { path: { id } } };
      if (action === 'deactivate') await unwrap(api.POST('/api/v1/members/{id}/deactivate', params));
      else if (action === 'reactivate') await unwrap(api.POST('/api/v1/members/{id}/reactivate', params));
      else await unwrap(api.POST('/api/v1/members/{id}/invite', params));
      return action;
    },
    onSuccess: async (action) => {
      await queryClient.invalidateQueries({ queryKey: ['members'] });
      notify(t(`person.done.${action}`));
    },
  });
  return (
    <Stack gap="xs">
      {act.isError && (
        <Alert color="red" role="alert">
          {errorMessage(act.error)}
        </Alert>
      )}
      <Group gap="sm">
        {member.status !== 'deactivated' && (
          <ConfirmButton
            variant="default"
            color="blue.8"
            message={t('person.resendMessage', { email: member.email })}
            onConfirm={() => act.mutate('invite')}
          >
            {t('person.resend')}
          </ConfirmButton>
        )}
        {member.status === 'deactivated' ? (
          <ConfirmButton
            variant="outline"
            color="teal.9"
            message={t('person.reactivateMessage', { name: member.name })}
            onConfirm={() => act.mutate('reactivate')}
          >
            {t('person.reactivate')}
          </ConfirmButton>
        ) : (
          <ConfirmButton
            variant="outline"
            color="red.9"
            message={t('person.deactivateMessage', { name: member.name })}
            onConfirm={() => act.mutate('deactivate')}
          >
            {t('person.deactivate')}
          </ConfirmButton>
        )}
      </Group>
    </Stack>
  );
}

/** `/admin/people/:id`: one member, their membership fields to edit, and deactivate / reactivate / re-invite. */
export function PersonPage() {
  const { t } = useTranslation('admin');
  const { t: common } = useTranslation();
  const errorMessage = useErrorMessage();
  const { id } = useParams({ from: '/app/admin/people/$id' });
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['members', 'detail', id],
    queryFn: () => unwrap(api.GET('/api/v1/members/{id}', { params: { path: { id } } })),
  });
  const form = useForm<MemberFormValues>({
    initialValues: {
      email: '',
      name: '',
      roles: [],
      siteId: null,
      departmentId: null,
      jobTitle: '',
      managerId: null,
    },
  });
  const { setValues, resetDirty } = form;
  useEffect(() => {
    if (!query.data) return;
    const values = valuesOf(query.data);
    setValues(values);
    resetDirty(values);
  }, [query.data, setValues, resetDirty]);

  const save = useMutation({
    mutationFn: (values: MemberFormValues) =>
      unwrap(
        api.PATCH('/api/v1/members/{id}', {
          params: { path: { id } },
          body: {
            roles: values.roles as Role[],
            siteId: orNull(values.siteId),
            departmentId: orNull(values.departmentId),
            jobTitle: orNull(values.jobTitle.trim()),
            managerId: orNull(values.managerId),
          },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['members'] });
      notify(common('saved'));
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) form.setErrors(error.fieldErrors);
    },
  });

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const member = query.data;

  return (
    <>
      <PageTitle>{member.name}</PageTitle>
      <Stack maw={640}>
        <AnchorLink to="/admin/people">{t('person.back')}</AnchorLink>
        <Paper withBorder p="md" radius="md">
          <Group gap="sm">
            <Text>{member.email}</Text>
            <Badge variant="filled" color={member.status === 'deactivated' ? 'gray.7' : 'teal.9'}>
              {t(`status.${member.status}`)}
            </Badge>
          </Group>
        </Paper>
        <MemberActions member={member} />
        <Title order={2} size="h3">
          {t('person.edit')}
        </Title>
        <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
          <Stack>
            {save.isError && !(save.error instanceof ApiError && save.error.status === 400) && (
              <Alert color="red" role="alert">
                {errorMessage(save.error)}
              </Alert>
            )}
            <MemberFields form={form} inviting={false} exceptId={member.id} />
            <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('person.save')}
            </Button>
          </Stack>
        </form>
      </Stack>
    </>
  );
}
