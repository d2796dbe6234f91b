import {
  Alert,
  Button,
  NativeSelect,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { ApiError, unwrap } from '../../api/api-error';
import type { components } from '../../api/schema';
import { ErrorState, useErrorMessage } from '../../components/error-state.component';
import { LoadingState } from '../../components/loading-state.component';
import { PageTitle } from '../../components/page-title.component';
import { isLocale } from '../../i18n/locale';
import { chooseLocale } from '../../i18n/locale-preference';
import { sessionStore } from '../../session/session.store';
import { useSession } from '../../session/use-session.hook';

type Me = components['schemas']['MeResponse'];
type Digest = components['schemas']['PreferencesView']['escalationDigest'];
const DIGESTS: Digest[] = ['immediate', 'daily', 'weekly'];

const meQuery = { queryKey: ['me', 'profile'], queryFn: () => unwrap(api.GET('/api/v1/me')) };

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper component="section" aria-labelledby={id} withBorder p="md" radius="md" maw={560}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** A failed save that is not about one field: said above the form. */
function SaveError({ error }: { error: unknown }) {
  const errorMessage = useErrorMessage();
  if (!error || (error instanceof ApiError && error.status === 400)) return null;
  return (
    <Alert color="red" role="alert">
      {errorMessage(error)}
    </Alert>
  );
}

/** `/preferences`: my language, my name, my password and, for managers, how often the escalation mail comes. */
export function PreferencesPage() {
  const { t } = useTranslation('learn');
  const query = useQuery(meQuery);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <>
      <PageTitle>{t('preferences.title')}</PageTitle>
      <Stack gap="lg">
        <LanguageSection />
        <NameSection me={query.data} />
        <PasswordSection />
        <DigestSection me={query.data} />
      </Stack>
    </>
  );
}

function LanguageSection() {
  const { t, i18n } = useTranslation('learn');
  return (
    <Section id="preferences-language" title={t('preferences.language.title')}>
      <NativeSelect
        label={t('preferences.language.label')}
        description={t('preferences.language.help')}
        value={i18n.language}
        data={[
          { value: 'en', label: 'English' },
          { value: 'es', label: 'Español' },
        ]}
        onChange={(event) => {
          if (isLocale(event.currentTarget.value)) chooseLocale(event.currentTarget.value);
        }}
      />
    </Section>
  );
}

function NameSection({ me }: { me: Me }) {
  const { t } = useTranslation('learn');
  const { t: common } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { name: me.user.name } });
  const save = useMutation({
    mutationFn: (values: { name: string }) =>
      unwrap(api.PATCH('/api/v1/me', { body: { name: values.name.trim() } })),
    onSuccess: (saved) => {
      sessionStore.renamed(saved.user.name);
      queryClient.setQueryData(meQuery.queryKey, saved);
      notifications.show({ message: common('saved'), color: 'green' });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) form.setErrors(error.fieldErrors);
    },
  });
  return (
    <Section id="preferences-name" title={t('preferences.name.title')}>
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack align="flex-start">
          <SaveError error={save.error} />
          <TextInput
            label={t('preferences.name.label')}
            autoComplete="name"
            w="100%"
            {...form.getInputProps('name')}
          />
          <Button type="submit" loading={save.isPending}>
            {t('preferences.name.submit')}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}

function PasswordSection() {
  const { t } = useTranslation('learn');
  const form = useForm({ initialValues: { currentPassword: '', newPassword: '' } });
  const change = useMutation({
    mutationFn: (values: typeof form.values) => unwrap(api.POST('/api/v1/auth/password', { body: values })),
    onSuccess: () => form.reset(),
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) form.setErrors(error.fieldErrors);
    },
  });
  return (
    <Section id="preferences-password" title={t('preferences.password.title')}>
      <form onSubmit={form.onSubmit((values) => change.mutate(values))} noValidate>
        <Stack align="flex-start">
          <Text size="sm">{t('preferences.password.help')}</Text>
          <SaveError error={change.error} />
          {change.isSuccess && (
            <Alert color="green" role="status" w="100%">
              {t('preferences.password.changed')}
            </Alert>
          )}
          <PasswordInput
            label={t('preferences.password.current')}
            autoComplete="current-password"
            w="100%"
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label={t('preferences.password.new')}
            description={t('preferences.password.newHelp')}
            autoComplete="new-password"
            w="100%"
            {...form.getInputProps('newPassword')}
          />
          <Button type="submit" loading={change.isPending}>
            {t('preferences.password.submit')}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}

function DigestSection({ me }: { me: Me }) {
  const { t } = useTranslation('learn');
  const { t: common } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: { escalationDigest: me.preferences.escalationDigest } });
  const { setValues } = form;
  useEffect(() => {
    setValues({ escalationDigest: me.preferences.escalationDigest });
  }, [me.preferences.escalationDigest, setValues]);
  const save = useMutation({
    mutationFn: (values: { escalationDigest: Digest }) =>
      unwrap(api.PATCH('/api/v1/me', { body: { preferences: values } })),
    onSuccess: (saved) => {
      queryClient.setQueryData(meQuery.queryKey, saved);
      notifications.show({ message: common('saved'), color: 'green' });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400)
        form.setErrors({ escalationDigest: error.fieldErrors['preferences.escalationDigest'] });
    },
  });
  if (!session.roles.includes('manager')) return null;
  return (
    <Section id="preferences-digest" title={t('preferences.digest.title')}>
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack align="flex-start">
          <SaveError error={save.error} />
          <NativeSelect
            label={t('preferences.digest.label')}
            description={t('preferences.digest.help')}
            data={DIGESTS.map((value) => ({ value, label: t(`preferences.digest.${value}`) }))}
            w="100%"
            {...form.getInputProps('escalationDigest')}
          />
          <Button type="submit" loading={save.isPending}>
            {t('preferences.digest.submit')}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}
