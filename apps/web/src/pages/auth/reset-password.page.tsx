import { Alert, Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/router-links.component';
import { api } from '../../api/api-client';
import { ApiError, unwrap } from '../../api/api-error';
import { useErrorMessage } from '../../components/error-state.component';
import { PageTitle } from '../../components/page-title.component';

export function ResetPasswordPage() {
  const { t } = useTranslation('auth');
  const { token } = useSearch({ from: '/public/reset-password' });
  const errorMessage = useErrorMessage();
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const form = useForm({ initialValues: { password: '' } });

  const onSubmit = form.onSubmit(async ({ password }) => {
    setFormError(null);
    try {
      await unwrap(
        api.POST('/api/v1/auth/password-reset/confirm', { body: { token: token ?? '', password } }),
      );
      setDone(true);
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors : {};
      if (error instanceof ApiError && error.status === 400 && fields.password) form.setErrors(fields);
      else if (error instanceof ApiError && error.status < 500) setFormError(t('resetPassword.invalid'));
      else setFormError(errorMessage(error));
    }
  });

  return (
    <>
      <PageTitle>{t('resetPassword.title')}</PageTitle>
      {!token ? (
        <Alert color="red" role="alert">
          {t('resetPassword.missingToken')}
        </Alert>
      ) : done ? (
        <Stack>
          <Alert color="green" role="status">
            {t('resetPassword.done')}
          </Alert>
          <AnchorLink to="/sign-in">{t('resetPassword.signIn')}</AnchorLink>
        </Stack>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            {formError && (
              <Alert color="red" role="alert">
                {formError} <AnchorLink to="/forgot-password">{t('resetPassword.requestNew')}</AnchorLink>
              </Alert>
            )}
            <PasswordInput
              label={t('resetPassword.password')}
              description={t('resetPassword.passwordHelp')}
              autoComplete="new-password"
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={form.submitting}>
              {t('resetPassword.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </>
  );
}
