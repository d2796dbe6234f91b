import { Alert, Button, Checkbox, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/router-links.component';
import { ApiError } from '../../api/api-error';
import { useErrorMessage } from '../../components/error-state.component';
import { PageTitle } from '../../components/page-title.component';
import { signIn } from '../../session/session.service';
import { sessionStore } from '../../session/session.store';
import { useSessionState } from '../../session/use-session.hook';

export function SignInPage() {
  const { t } = useTranslation('auth');
  const navigate = useNavigate();
  const state = useSessionState();
  const errorMessage = useErrorMessage();
  const [formError, setFormError] = useState<string | null>(null);
  // Form values are named like the login body, so the api's field errors land next to their fields.
  const form = useForm({
    initialValues: { email: '', password: '', keepSignedIn: false },
    validate: {
      email: (value) => (value.trim() ? null : t('signIn.required', { field: t('signIn.email') })),
      password: (value) => (value ? null : t('signIn.required', { field: t('signIn.password') })),
    },
  });
  const reason = state.status === 'signed-out' ? state.reason : null;

  const onSubmit = form.onSubmit(async ({ email, password, keepSignedIn }) => {
    setFormError(null);
    try {
      await signIn(email.trim(), password, keepSignedIn);
      const current = sessionStore.get();
      const several = current.status === 'signed-in' && current.session.memberships.length > 1;
      await navigate({ to: several ? '/choose-organization' : '/' });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setFormError(t('signIn.wrongCredentials'));
      else if (error instanceof ApiError && error.status === 429)
        setFormError(t('signIn.rateLimited', { minutes: Math.ceil((error.retryAfterSeconds ?? 60) / 60) }));
      else if (error instanceof ApiError && error.status === 400) form.setErrors(error.fieldErrors);
      else setFormError(errorMessage(error));
    }
  });

  return (
    <>
      <PageTitle>{t('signIn.title')}</PageTitle>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {reason && !formError && (
            <Alert color="blue" role="status">
              {t(`signIn.reason.${reason}`)}
            </Alert>
          )}
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput
            label={t('signIn.email')}
            type="email"
            autoComplete="username"
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('signIn.password')}
            autoComplete="current-password"
            {...form.getInputProps('password')}
          />
          <Checkbox
            label={t('signIn.keepSignedIn')}
            description={t('signIn.keepSignedInHelp')}
            {...form.getInputProps('keepSignedIn', { type: 'checkbox' })}
          />
          <Button type="submit" loading={form.submitting}>
            {t('signIn.submit')}
          </Button>
          <AnchorLink to="/forgot-password">{t('signIn.forgot')}</AnchorLink>
        </Stack>
      </form>
    </>
  );
}
