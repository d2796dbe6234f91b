import { Button, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { ApiError, unwrap } from '../../api/api-error';
import { useErrorMessage } from '../../components/error-state.component';
import { SESSIONS_KEY } from './sessions.queries';

/** A learner in the room types the code the facilitator shows: a provisional check-in. */
export function CheckInForm({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation('sessions');
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [code, setCode] = useState('');
  const checkIn = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/live-sessions/{id}/check-in', {
          params: { path: { id: sessionId } },
          body: { code: code.trim() },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSIONS_KEY }),
  });
  const error = checkIn.error
    ? ((checkIn.error instanceof ApiError && checkIn.error.fieldErrors.code) ?? errorMessage(checkIn.error))
    : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    checkIn.mutate();
  };
  return (
    <Stack component="form" onSubmit={submit} gap="sm" aria-labelledby="check-in-heading">
      <Title order={3} size="h4" id="check-in-heading">
        {t('checkIn.heading')}
      </Title>
      <TextInput
        label={t('checkIn.label')}
        description={t('checkIn.description')}
        value={code}
        onChange={(event) => setCode(event.currentTarget.value)}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        size="md"
        error={error}
        required
      />
      <Button
        type="submit"
        size="md"
        mih={44}
        loading={checkIn.isPending}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('checkIn.submit')}
      </Button>
    </Stack>
  );
}
