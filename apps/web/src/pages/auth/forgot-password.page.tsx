import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/router-links.component';
import { api } from '../../api/api-client';
import { ApiError, unwrap } from '../../api/api-error';
import { useErrorMessage } from '../../components/error-state.component';
import { PageTitle } from '../../components/page-title.component';

export function ForgotPasswordPage() {
  const { t } = useTranslation('auth');
  const errorMessage = useErrorMessage();
  const [formError, setFormError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const form = useForm({ initialValues: { email: '' } });

  const onSubmit = form.onSubmit(async ({ email }) => {
    setFormError(null);
    try {
      await unwrap(api.POST('/api/v1/auth/password-reset', { body: { email: email.trim() } }));
      setSent(true);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) form.setErrors(error.fieldErrors);
      else setFormError(errorMessage(error));
    }
  });

  return (
    <>
      <PageTitle>{t('forgotPassword.title')}</PageTitle>
      <Stack>
        {sent ? (
          <Alert color="green" role="status">
            {t('forgotPassword.sent')}
          </Alert>
        ) : (
          <form onSubmit={onSubmit} noValidate>
            <Stack>
              <Text>{t('forgotPassword.intro')}</Text>
              {formError && (
                <Alert color="red" role="alert">
                  {formError}
                </Alert>
              )}
              <TextInput
                label={t('forgotPassword.email')}
                type="email"
                autoComplete="username"
                {...form.getInputProps('email')}
              />
              <Button type="submit" loading={form.submitting}>
                {t('forgotPassword.submit')}
              </Button>
            </Stack>
          </form>
        )}
        <AnchorLink to="/sign-in">{t('forgotPassword.back')}</AnchorLink>
      </Stack>
    </>
  );
}
