import {
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { ApiError, unwrap } from '../../api/api-error';
import { EmptyState } from '../../components/empty-state.component';
import { ErrorState, useErrorMessage } from '../../components/error-state.component';
import { LoadingState } from '../../components/loading-state.component';
import { PageTitle } from '../../components/page-title.component';
import { ScrollRegion } from '../../components/scroll-region.component';
import { ConfirmButton } from './confirm-button.component';
import { RenameButton } from './rename-button.component';
import { type Department, departmentsQuery, type Site, sitesQuery } from './structure.queries';
import { notify } from './notify';

const SITE_KINDS = ['hospital', 'satellite_clinic', 'other'] as const;
const DEPARTMENT_KINDS = ['emergency', 'urgent_care', 'primary_care', 'inpatient', 'other'] as const;

function useStructureChanged() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['sites'] }),
      queryClient.invalidateQueries({ queryKey: ['departments'] }),
    ]);
}

function AddSiteForm() {
  const { t } = useTranslation('admin');
  const errorMessage = useErrorMessage();
  const changed = useStructureChanged();
  const form = useForm({ initialValues: { name: '', kind: 'hospital' as (typeof SITE_KINDS)[number] } });
  const create = useMutation({
    mutationFn: (body: typeof form.values) => unwrap(api.POST('/api/v1/sites', { body })),
    onSuccess: async (site) => {
      form.reset();
      await changed();
      notify(t('sites.siteAdded', { name: site.name }));
    },
    onError: (error) =>
      form.setErrors(
        error instanceof ApiError && error.status === 400 ? error.fieldErrors : { name: errorMessage(error) },
      ),
  });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="add-site">
      <Title order={2} size="h4" id="add-site" mb="sm">
        {t('sites.addSite')}
      </Title>
      <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
        <Group align="flex-start" wrap="wrap">
          <TextInput label={t('sites.siteName')} {...form.getInputProps('name')} />
          <Select
            label={t('sites.siteKind')}
            data={SITE_KINDS.map((kind) => ({ value: kind, label: t(`sites.siteKinds.${kind}`) }))}
            allowDeselect={false}
            {...form.getInputProps('kind')}
          />
          <Button type="submit" mt={25} loading={create.isPending}>
            {t('sites.addSiteButton')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}

function AddDepartmentForm({ sites }: { sites: Site[] }) {
  const { t } = useTranslation('admin');
  const errorMessage = useErrorMessage();
  const changed = useStructureChanged();
  const form = useForm({
    initialValues: { siteId: '', name: '', kind: 'emergency' as (typeof DEPARTMENT_KINDS)[number] },
  });
  const create = useMutation({
    mutationFn: (body: typeof form.values) => unwrap(api.POST('/api/v1/departments', { body })),
    onSuccess: async (department) => {
      form.setValues({ name: '' });
      await changed();
      notify(t('sites.departmentAdded', { name: department.name }));
    },
    onError: (error) =>
      form.setErrors(
        error instanceof ApiError && error.status === 400 ? error.fieldErrors : { name: errorMessage(error) },
      ),
  });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="add-department">
      <Title order={2} size="h4" id="add-department" mb="sm">
        {t('sites.addDepartment')}
      </Title>
      <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
        <Group align="flex-start" wrap="wrap">
          <Select
            label={t('sites.departmentSite')}
            data={sites.filter((s) => !s.archived).map((s) => ({ value: s.id, label: s.name }))}
            {...form.getInputProps('siteId')}
          />
          <TextInput label={t('sites.departmentName')} {...form.getInputProps('name')} />
          <Select
            label={t('sites.departmentKind')}
            data={DEPARTMENT_KINDS.map((kind) => ({
              value: kind,
              label: t(`sites.departmentKinds.${kind}`),
            }))}
            allowDeselect={false}
            {...form.getInputProps('kind')}
          />
          <Button type="submit" mt={25} loading={create.isPending}>
            {t('sites.addDepartmentButton')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}

function SiteCard({ site, departments }: { site: Site; departments: Department[] }) {
  const { t } = useTranslation('admin');
  const changed = useStructureChanged();
  const errorMessage = useErrorMessage();
  const archive = useMutation({
    mutationFn: (path: { kind: 'sites' | 'departments'; id: string }) =>
      path.kind === 'sites'
        ? unwrap(api.DELETE('/api/v1/sites/{id}', { params: { path: { id: path.id } } }))
        : unwrap(api.DELETE('/api/v1/departments/{id}', { params: { path: { id: path.id } } })),
    onSuccess: () => changed(),
    onError: (error) => notify(errorMessage(error), 'failure'),
  });
  const renameSite = async (name: string) => {
    await unwrap(api.PATCH('/api/v1/sites/{id}', { params: { path: { id: site.id } }, body: { name } }));
    await changed();
  };
  const renameDepartment = (id: string) => async (name: string) => {
    await unwrap(api.PATCH('/api/v1/departments/{id}', { params: { path: { id } }, body: { name } }));
    await changed();
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={site.name}>
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Title order={2} size="h4">
            {site.name}
          </Title>
          <Text size="sm" c="gray.7">
            {t(`sites.siteKinds.${site.kind}`)}
          </Text>
          {site.archived && (
            <Badge variant="filled" color="gray.7">
              {t('sites.archived')}
            </Badge>
          )}
        </Group>
        {!site.archived && (
          <Group gap="xs">
            <RenameButton name={site.name} onRename={renameSite} />
            <ConfirmButton
              variant="outline"
              color="red.9"
              size="compact-sm"
              aria-label={t('sites.archiveNamed', { name: site.name })}
              message={t('sites.archiveSiteMessage', { name: site.name })}
              onConfirm={() => archive.mutate({ kind: 'sites', id: site.id })}
            >
              {t('sites.archive')}
            </ConfirmButton>
          </Group>
        )}
      </Group>
      {departments.length === 0 ? (
        <Text size="sm">{t('sites.noDepartments')}</Text>
      ) : (
        <ScrollRegion label={t('sites.departmentsOf', { name: site.name })} minWidth={320}>
          <Table captionSide="top">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sites.department')}</Table.Th>
                <Table.Th>{t('sites.departmentKind')}</Table.Th>
                <Table.Th>{t('sites.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {departments.map((department) => (
                <Table.Tr key={department.id}>
                  <Table.Td>
                    {department.name}{' '}
                    {department.archived && (
                      <Badge variant="filled" color="gray.7">
                        {t('sites.archived')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`sites.departmentKinds.${department.kind}`)}</Table.Td>
                  <Table.Td>
                    {!department.archived && (
                      <Group gap="xs" wrap="nowrap">
                        <RenameButton name={department.name} onRename={renameDepartment(department.id)} />
                        <ConfirmButton
                          variant="outline"
                          color="red.9"
                          size="compact-sm"
                          aria-label={t('sites.archiveNamed', { name: department.name })}
                          message={t('sites.archiveDepartmentMessage', { name: department.name })}
                          onConfirm={() => archive.mutate({ kind: 'departments', id: department.id })}
                        >
                          {t('sites.archive')}
                        </ConfirmButton>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
    </Paper>
  );
}

/** `/admin/sites`: the organization's sites and their departments. */
export function SitesPage() {
  const { t } = useTranslation('admin');
  const [showArchived, setShowArchived] = useState(false);
  const sites = useQuery(sitesQuery(showArchived));
  const departments = useQuery(departmentsQuery(showArchived));

  const body = () => {
    if (sites.isPending || departments.isPending) return <LoadingState />;
    if (sites.isError) return <ErrorState error={sites.error} onRetry={() => void sites.refetch()} />;
    if (departments.isError)
      return <ErrorState error={departments.error} onRetry={() => void departments.refetch()} />;
    return (
      <Stack>
        <AddDepartmentForm sites={sites.data} />
        {sites.data.length === 0 ? (
          <EmptyState>{t('sites.empty')}</EmptyState>
        ) : (
          sites.data.map((site) => (
            <SiteCard
              key={site.id}
              site={site}
              departments={departments.data.filter((d) => d.siteId === site.id)}
            />
          ))
        )}
      </Stack>
    );
  };

  return (
    <>
      <PageTitle>{t('sites.title')}</PageTitle>
      <Stack>
        <AddSiteForm />
        <Switch
          label={t('sites.showArchived')}
          checked={showArchived}
          onChange={(event) => setShowArchived(event.currentTarget.checked)}
        />
        {body()}
      </Stack>
    </>
  );
}
