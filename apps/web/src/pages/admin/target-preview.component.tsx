import { Alert, List, Loader, Paper, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { unwrap } from '../../api/api-error';
import { useErrorMessage } from '../../components/error-state.component';
import type { CohortTarget } from './cohort.queries';

/**
 * The live count of who a target matches, from `POST /cohorts/preview` (the api's own matching, so it is who the
 * cohort will enroll). Asked again a moment after the last change, not on every keystroke.
 */
export function TargetPreview({ target }: { target: CohortTarget }) {
  const { t } = useTranslation('admin');
  const errorMessage = useErrorMessage();
  const [settled] = useDebouncedValue(target, 400);
  const preview = useQuery({
    queryKey: ['cohorts', 'preview', settled],
    queryFn: () => unwrap(api.POST('/api/v1/cohorts/preview', { body: { target: settled } })),
    placeholderData: keepPreviousData,
  });
  return (
    <Paper withBorder p="md" radius="md" bg="gray.0">
      <div role="status" aria-live="polite" aria-atomic="true">
        {preview.isPending ? (
          <Loader size="sm" aria-label={t('wizard.counting')} />
        ) : preview.isError ? (
          <Alert color="red">{errorMessage(preview.error)}</Alert>
        ) : (
          <Stack gap={4}>
            <Text fw={700} data-testid="matching-count">
              {t('wizard.matching', { count: preview.data.matching })}
            </Text>
            {preview.data.sample.length > 0 && (
              <>
                <Text size="sm">{t('wizard.sample')}</Text>
                <List size="sm">
                  {preview.data.sample.map((member) => (
                    <List.Item key={member.id}>{member.name}</List.Item>
                  ))}
                </List>
              </>
            )}
          </Stack>
        )}
      </div>
    </Paper>
  );
}
