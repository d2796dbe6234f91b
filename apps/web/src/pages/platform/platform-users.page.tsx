import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { ApiError, unwrap } from '../../api/api-error';
import { useCursorList } from '../../api/use-cursor-list.hook';
import { useErrorMessage } from '../../components/error-state.component';
import { MoreButton } from '../../components/more-button.component';
import { PageTitle } from '../../components/page-title.component';
import { QueryTable } from '../../components/query-table.component';
import { ScrollRegion } from '../../components/scroll-region.component';

type PlatformRole = 'facilitator' | 'platform_admin';
const PLATFORM_ROLES: readonly PlatformRole[] = ['facilitator', 'platform_admin'];
const isPlatformRole = (value: string): value is PlatformRole =>
  (PLATFORM_ROLES as readonly string[]).includes(value);

const usersKey = ['platform', 'users'] as const;

function StaffList() {
  const { t } = useTranslation('platform');
  const list = useCursorList({
    queryKey: usersKey,
    fetchPage: (cursor) =>
      unwrap(api.GET('/api/v1/platform/users', { params: { query: { limit: 100, cursor } } })),
  });
  return (
    <QueryTable list={list} isEmpty={list.items.length === 0} empty={t('users.empty')}>
      <Stack gap="sm">
        <ScrollRegion label={t('users.caption')} minWidth={520}>
          <Table striped>
            <caption className="visually-hidden">{t('users.caption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('users.name')}</Table.Th>
                <Table.Th scope="col">{t('users.email')}</Table.Th>
                <Table.Th scope="col">{t('users.roles')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((user) => (
                <Table.Tr key={user.id}>
                  <Table.Th scope="row">{user.name}</Table.Th>
                  <Table.Td>{user.email}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {user.platformRoles.map((role) => (
                        <Badge key={role} variant="light" color="blue.9">
                          {t(`users.role.${role}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
        <MoreButton more={list.more}>{t('more')}</MoreButton>
      </Stack>
    </QueryTable>
  );
}

function InviteStaff() {
  const { t } = useTranslation('platform');
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '', name: '', platformRoles: ['facilitator'] as PlatformRole[] },
  });
  const rolesProps = form.getInputProps('platformRoles');
  const create = useMutation({
    mutationFn: (values: typeof form.values) => unwrap(api.POST('/api/v1/platform/users', { body: values })),
    onSuccess: (user) => {
      void queryClient.invalidateQueries({ queryKey: usersKey });
      // The facilitator pickers of live sessions read the same people.
      void queryClient.invalidateQueries({ queryKey: ['facilitators'] });
      setCreated(t('users.created_notice', { email: user.email }));
      form.reset();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) form.setErrors(error.fieldErrors);
    },
  });
  const otherError = create.isError && !(create.error instanceof ApiError && create.error.status === 400);

  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="invite-staff-title">
      <Title order={2} size="h4" id="invite-staff-title" mb="sm">
        {t('users.createTitle')}
      </Title>
      <form
        onSubmit={form.onSubmit((values) => {
          setCreated(null);
          create.mutate(values);
        })}
        noValidate
      >
        <Stack>
          <div role="status">{created && <Alert color="green">{created}</Alert>}</div>
          {otherError && (
            <Alert color="red" role="alert">
              {errorMessage(create.error)}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('users.email')}
              type="email"
              autoComplete="off"
              {...form.getInputProps('email')}
            />
            <TextInput label={t('users.name')} autoComplete="off" {...form.getInputProps('name')} />
          </SimpleGrid>
          <Checkbox.Group
            label={t('users.roles')}
            description={t('users.rolesHelp')}
            {...rolesProps}
            onChange={(values) => rolesProps.onChange(values.filter(isPlatformRole))}
          >
            <Group mt="xs">
              {PLATFORM_ROLES.map((role) => (
                <Checkbox key={role} value={role} label={t(`users.role.${role}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('users.create')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

/** `/platform/users`: the provider's own staff (facilitators, platform admins), and inviting one. */
export function PlatformUsersPage() {
  const { t } = useTranslation('platform');
  return (
    <Stack gap="lg">
      <PageTitle>{t('users.title')}</PageTitle>
      <InviteStaff />
      <section aria-labelledby="users-list-title">
        <Title order={2} size="h4" id="users-list-title" mb="sm">
          {t('users.listTitle')}
        </Title>
        <StaffList />
      </section>
    </Stack>
  );
}
