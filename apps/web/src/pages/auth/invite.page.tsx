import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { useErrorMessage } from '../../components/error-state.component';
import { PageTitle } from '../../components/page-title.component';
import { acceptInvitation } from '../../session/session.service';

/**
 * The link in an invitation mail. Whether the email already has an account is not known before accepting, so the
 * name is asked for, optional, with help saying when it counts.
 */
export function InvitePage() {
  const { t } = useTranslation('auth');
  const { token } = useSearch({ from: '/public/invite' });
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ initialValues: { name: '', password: '' } });

  const onSubmit = form.onSubmit(async ({ name, password }) => {
    setFormError(null);
    try {
      await acceptInvitation(token ?? '', password, name.trim() || undefined);
      await navigate({ to: '/' });
    } catch (error) {
      if (!(error instanceof ApiError)) setFormError(errorMessage(error));
      else if (error.status === 404) setFormError(t('invite.unknown'));
      else if (error.status === 410) setFormError(t('invite.gone'));
      else if (error.status === 401) form.setFieldError('password', t('invite.wrongPassword'));
      else if (error.status === 400) form.setErrors(error.fieldErrors);
      else setFormError(errorMessage(error));
    }
  });

  if (!token)
    return (
      <>
        <PageTitle>{t('invite.title')}</PageTitle>
        <Alert color="red" role="alert">
          {t('invite.missingToken')}
        </Alert>
      </>
    );

  return (
    <>
      <PageTitle>{t('invite.title')}</PageTitle>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput
            label={t('invite.name')}
            description={t('invite.nameHelp')}
            autoComplete="name"
            {...form.getInputProps('name')}
          />
          <PasswordInput
            label={t('invite.password')}
            description={t('invite.passwordHelp')}
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={form.submitting}>
            {t('invite.submit')}
          </Button>
        </Stack>
      </form>
    </>
  );
}
