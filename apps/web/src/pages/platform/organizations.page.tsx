import { Alert, Button, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { ApiError, unwrap } from '../../api/api-error';
import { useCursorList } from '../../api/use-cursor-list.hook';
import { useErrorMessage } from '../../components/error-state.component';
import { MoreButton } from '../../components/more-button.component';
import { PageTitle } from '../../components/page-title.component';
import { QueryTable } from '../../components/query-table.component';
import { ScrollRegion } from '../../components/scroll-region.component';
import { useFormatters } from '../../i18n/use-formatters.hook';
import { OrganizationIdentityFields } from './organization-identity-fields.component';

const organizationsKey = ['platform', 'organizations'] as const;

function OrganizationList() {
  const { t } = useTranslation('platform');
  const { formatDate } = useFormatters();
  const list = useCursorList({
    queryKey: organizationsKey,
    fetchPage: (cursor) =>
      unwrap(api.GET('/api/v1/platform/organizations', { params: { query: { limit: 100, cursor } } })),
  });
  return (
    <QueryTable list={list} isEmpty={list.items.length === 0} empty={t('organizations.empty')}>
      <Stack gap="sm">
        <ScrollRegion label={t('organizations.caption')} minWidth={560}>
          <Table striped>
            <caption className="visually-hidden">{t('organizations.caption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('organizations.name')}</Table.Th>
                <Table.Th scope="col">{t('organizations.slug')}</Table.Th>
                <Table.Th scope="col">{t('organizations.timezone')}</Table.Th>
                <Table.Th scope="col">{t('organizations.created')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((organization) => (
                <Table.Tr key={organization.id}>
                  <Table.Th scope="row">{organization.name}</Table.Th>
                  <Table.Td>{organization.slug}</Table.Td>
                  <Table.Td>{organization.timezone}</Table.Td>
                  <Table.Td>{formatDate(organization.createdAt)}</Table.Td>
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

function CreateOrganization() {
  const { t } = useTranslation('platform');
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<string | null>(null);
  // The slug follows the name until someone types in it.
  const slugEdited = useRef(false);
  const form = useForm({
    initialValues: { name: '', slug: '', timezone: 'America/Chicago', admin: { email: '', name: '' } },
  });
  const create = useMutation({
    mutationFn: (values: typeof form.values) =>
      unwrap(api.POST('/api/v1/platform/organizations', { body: values })),
    onSuccess: (organization, values) => {
      void queryClient.invalidateQueries({ queryKey: organizationsKey });
      setCreated(t('organizations.created_notice', { name: organization.name, email: values.admin.email }));
      slugEdited.current = false;
      form.reset();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) form.setErrors(error.fieldErrors);
    },
  });
  const otherError = create.isError && !(create.error instanceof ApiError && create.error.status === 400);

  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="create-organization-title">
      <Title order={2} size="h4" id="create-organization-title" mb="sm">
        {t('organizations.createTitle')}
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
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <OrganizationIdentityFields form={form} slugEditedRef={slugEdited} />
          </SimpleGrid>
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <legend style={{ fontWeight: 600, marginBottom: 4 }}>{t('organizations.adminLegend')}</legend>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('organizations.adminEmail')}
                type="email"
                autoComplete="off"
                {...form.getInputProps('admin.email')}
              />
              <TextInput
                label={t('organizations.adminName')}
                autoComplete="off"
                {...form.getInputProps('admin.name')}
              />
            </SimpleGrid>
            <Text size="sm" mt="xs">
              {t('organizations.adminHelp')}
            </Text>
          </fieldset>
          <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('organizations.create')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

/** `/platform/organizations`: every client organization, and a new one with its first admin invited. */
export function OrganizationsPage() {
  const { t } = useTranslation('platform');
  return (
    <Stack gap="lg">
      <PageTitle>{t('organizations.title')}</PageTitle>
      <CreateOrganization />
      <section aria-labelledby="organizations-list-title">
        <Title order={2} size="h4" id="organizations-list-title" mb="sm">
          {t('organizations.listTitle')}
        </Title>
        <OrganizationList />
      </section>
    </Stack>
  );
}
