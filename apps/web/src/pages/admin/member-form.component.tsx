import { Checkbox, Group, Select, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { unwrap } from '../../api/api-error';
import { ROLES } from './member-fields';
import { departmentsQuery, sitesQuery } from './structure.queries';

export interface MemberFormValues {
  email: string;
  name: string;
  roles: string[];
  siteId: string | null;
  departmentId: string | null;
  jobTitle: string;
  managerId: string | null;
}

/** Candidates for a member's manager: members holding the manager role (an organization has few of them). */
function useManagers() {
  return useQuery({
    queryKey: ['members', 'managers'],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/members', { params: { query: { role: 'manager', limit: 200 } } })))
        .items,
  });
}

/** The membership fields of the invite and edit forms; email and name only when inviting. */
export function MemberFields({
  form,
  inviting,
  exceptId,
}: {
  form: UseFormReturnType<MemberFormValues>;
  inviting: boolean;
  exceptId?: string;
}) {
  const { t } = useTranslation('admin');
  const sites = useQuery(sitesQuery());
  const departments = useQuery(departmentsQuery());
  const managers = useManagers();
  const siteId = form.values.siteId;
  return (
    <Stack>
      {inviting && (
        <>
          <TextInput label={t('people.email')} type="email" {...form.getInputProps('email')} />
          <TextInput label={t('people.name')} {...form.getInputProps('name')} />
        </>
      )}
      <Checkbox.Group label={t('people.roles')} {...form.getInputProps('roles')}>
        <Group gap="sm" mt={4}>
          {ROLES.map((role) => (
            <Checkbox key={role} value={role} label={t(`roles.${role}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      <Select
        label={t('people.site')}
        data={(sites.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
        clearable
        {...form.getInputProps('siteId')}
        onChange={(value) => {
          form.setFieldValue('siteId', value);
          form.setFieldValue('departmentId', null);
        }}
      />
      <Select
        label={t('people.department')}
        data={(departments.data ?? [])
          .filter((d) => !siteId || d.siteId === siteId)
          .map((d) => ({ value: d.id, label: d.name }))}
        clearable
        {...form.getInputProps('departmentId')}
      />
      <TextInput label={t('people.jobTitle')} {...form.getInputProps('jobTitle')} />
      <Select
        label={t('people.manager')}
        data={(managers.data ?? [])
          .filter((m) => m.id !== exceptId)
          .map((m) => ({ value: m.id, label: `${m.name} (${m.email})` }))}
        clearable
        searchable
        {...form.getInputProps('managerId')}
      />
    </Stack>
  );
}
