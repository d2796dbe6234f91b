import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { unwrap } from '../../api/api-error';
import { useErrorMessage } from '../../components/error-state.component';
import { SESSIONS_KEY } from './sessions.queries';

/**
 * A draft (made by converting a training request) told as such, with `Publish`: publishing books its facilitators,
 * and a facilitator booked elsewhere meanwhile is a refusal shown here, the session staying a draft.
 */
export function PublishDraft({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation('sessions');
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const publish = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/live-sessions/{id}/publish', { params: { path: { id: sessionId } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSIONS_KEY }),
  });
  return (
    // No Alert title: Mantine draws it in the alert's color, too pale on yellow to read (WCAG AA).
    <Alert color="yellow">
      <Stack gap="sm">
        <Text fw={700}>{t('draft.title')}</Text>
        <Text size="sm">{t('draft.explain')}</Text>
        {publish.isError && (
          <Text size="sm" c="red.9" role="alert">
            {errorMessage(publish.error)}
          </Text>
        )}
        <Button
          onClick={() => publish.mutate()}
          loading={publish.isPending}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('draft.publish')}
        </Button>
      </Stack>
    </Alert>
  );
}
