import { Badge, Button, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { ApiError, unwrap } from '../../api/api-error';
import { useCursorList } from '../../api/use-cursor-list.hook';
import { useErrorMessage } from '../../components/error-state.component';
import { PageTitle } from '../../components/page-title.component';
import { QueryTable } from '../../components/query-table.component';
import { CaptionedTable } from '../../components/captioned-table.component';
import { AnchorLink } from '../../components/router-links.component';
import { MemberFields, type MemberFormValues } from './member-form.component';
import { type Member, orNull, ROLES, STATUSES } from './member-fields';
import { Pager } from './pager.component';
import { departmentsQuery, sitesQuery } from './structure.queries';
import { notify } from './notify';

type Role = (typeof ROLES)[number];
type Status = (typeof STATUSES)[number];

function InviteButton() {
  const { t } = useTranslation('admin');
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const form = useForm<MemberFormValues>({
    initialValues: {
      email: '',
      name: '',
      roles: ['learner'],
      siteId: null,
      departmentId: null,
      jobTitle: '',
      managerId: null,
    },
  });
  const invite = useMutation({
    mutationFn: (values: MemberFormValues) =>
      unwrap(
        api.POST('/api/v1/members', {
          body: {
            email: values.email,
            name: values.name,
            roles: values.roles as Role[],
            siteId: orNull(values.siteId),
            departmentId: orNull(values.departmentId),
            jobTitle: orNull(values.jobTitle.trim()),
            managerId: orNull(values.managerId),
            invite: true,
          },
        }),
      ),
    onSuccess: async (member) => {
      close();
      form.reset();
      await queryClient.invalidateQueries({ queryKey: ['members'] });
      notify(t('people.invited', { email: member.email }));
    },
    onError: (error) =>
      form.setErrors(
        error instanceof ApiError && (error.status === 400 || error.status === 409)
          ? { ...error.fieldErrors, ...(error.status === 409 ? { email: error.message } : {}) }
          : { email: errorMessage(error) },
      ),
  });
  return (
    <>
      <Button onClick={open}>{t('people.invite')}</Button>
      <Modal opened={opened} onClose={close} title={t('people.inviteTitle')} centered size="lg">
        <form onSubmit={form.onSubmit((values) => invite.mutate(values))} noValidate>
          <Stack>
            <MemberFields form={form} inviting />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('confirm.cancel')}
              </Button>
              <Button type="submit" loading={invite.isPending}>
                {t('people.sendInvitation')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

/** Where a member works, as the table names it: site and department (archived ones included). */
function usePlaceNames(): (member: Member) => string {
  const sites = useQuery(sitesQuery(true));
  const departments = useQuery(departmentsQuery(true));
  const siteNames = new Map((sites.data ?? []).map((site) => [site.id, site.name]));
  const departmentNames = new Map(
    (departments.data ?? []).map((department) => [department.id, department.name]),
  );
  return (member) =>
    [
      member.siteId && siteNames.get(member.siteId),
      member.departmentId && departmentNames.get(member.departmentId),
    ]
      .filter(Boolean)
      .join(' · ');
}

function MemberRow({ member, place }: { member: Member; place: string }) {
  const { t } = useTranslation('admin');
  return (
    <Table.Tr>
      <Table.Td>
        <AnchorLink to="/admin/people/$id" params={{ id: member.id }}>
          {member.name}
        </AnchorLink>
        <Text size="xs" c="gray.7">
          {member.email}
        </Text>
      </Table.Td>
      <Table.Td>{member.roles.map((role) => t(`roles.${role}`)).join(', ')}</Table.Td>
      <Table.Td>{place}</Table.Td>
      <Table.Td>{member.jobTitle ?? ''}</Table.Td>
      <Table.Td>
        <Badge
          variant="filled"
          color={
            member.status === 'deactivated' ? 'gray.7' : member.status === 'invited' ? 'blue.8' : 'teal.9'
          }
        >
          {t(`status.${member.status}`)}
        </Badge>
      </Table.Td>
    </Table.Tr>
  );
}

/** `/admin/people`: members with filters, search and paging; invite a person. */
export function PeoplePage() {
  const { t } = useTranslation('admin');
  const sites = useQuery(sitesQuery());
  const departments = useQuery(departmentsQuery());
  const [filters, setFilters] = useState<{
    siteId: string | null;
    departmentId: string | null;
    role: Role | null;
    status: Status | null;
  }>({ siteId: null, departmentId: null, role: null, status: null });
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const placeOf = usePlaceNames();
  const list = useCursorList({
    queryKey: ['members', { ...filters, q }],
    fetchPage: (cursor) =>
      unwrap(
        api.GET('/api/v1/members', {
          params: {
            query: {
              siteId: filters.siteId ?? undefined,
              departmentId: filters.departmentId ?? undefined,
              role: filters.role ?? undefined,
              status: filters.status ?? undefined,
              q: q || undefined,
              cursor,
              limit: 25,
            },
          },
        }),
      ),
    keepPrevious: true,
  });

  const table = (
    <QueryTable list={list} isEmpty={list.page.items.length === 0} empty={t('people.empty')}>
      <CaptionedTable
        caption={t('people.caption')}
        minWidth={720}
        headers={[
          t('people.name'),
          t('people.roles'),
          t('people.place'),
          t('people.jobTitle'),
          t('people.status'),
        ]}
      >
        {list.page.items.map((member) => (
          <MemberRow key={member.id} member={member} place={placeOf(member)} />
        ))}
      </CaptionedTable>
      <Pager page={list.page} />
    </QueryTable>
  );

  return (
    <>
      <PageTitle>{t('people.title')}</PageTitle>
      <Stack>
        <Group>
          <InviteButton />
          <AnchorLink to="/admin/people/import">{t('people.importLink')}</AnchorLink>
        </Group>
        <Group align="flex-end" wrap="wrap" role="search" aria-label={t('people.filters')}>
          <TextInput
            label={t('people.search')}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
          />
          <Select
            label={t('people.site')}
            clearable
            data={(sites.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={filters.siteId}
            onChange={(siteId) => setFilters((f) => ({ ...f, siteId, departmentId: null }))}
          />
          <Select
            label={t('people.department')}
            clearable
            data={(departments.data ?? [])
              .filter((d) => !filters.siteId || d.siteId === filters.siteId)
              .map((d) => ({ value: d.id, label: d.name }))}
            value={filters.departmentId}
            onChange={(departmentId) => setFilters((f) => ({ ...f, departmentId }))}
          />
          <Select
            label={t('people.role')}
            clearable
            data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            value={filters.role}
            onChange={(role) => setFilters((f) => ({ ...f, role: role as Role | null }))}
          />
          <Select
            label={t('people.status')}
            clearable
            data={STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
            value={filters.status}
            onChange={(status) => setFilters((f) => ({ ...f, status: status as Status | null }))}
          />
        </Group>
        {table}
      </Stack>
    </>
  );
}
