import { Alert, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { unwrap } from '../../api/api-error';
import { ErrorState, useErrorMessage } from '../../components/error-state.component';
import { LoadingState } from '../../components/loading-state.component';

type Digest = 'immediate' | 'daily' | 'weekly';
const DIGESTS: readonly Digest[] = ['immediate', 'daily', 'weekly'];
const isDigest = (value: string): value is Digest => (DIGESTS as readonly string[]).includes(value);

const preferencesKey = ['me', 'preferences'] as const;

/** How often the manager gets the one mail listing every overdue report; saved as soon as it is chosen. */
export function EscalationDigest() {
  const { t } = useTranslation('team');
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  // The choice shows at once; a failed save puts the saved one back.
  const [chosen, setChosen] = useState<Digest | null>(null);
  const query = useQuery({
    queryKey: preferencesKey,
    queryFn: async () => (await unwrap(api.GET('/api/v1/me'))).preferences,
  });
  const save = useMutation({
    mutationFn: (escalationDigest: Digest) =>
      unwrap(api.PATCH('/api/v1/me', { body: { preferences: { escalationDigest } } })),
    onSuccess: (me) => {
      queryClient.setQueryData(preferencesKey, me.preferences);
      setChosen(null);
    },
    onError: () => setChosen(null),
  });

  const body = () => {
    if (query.isPending) return <LoadingState />;
    if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
    return (
      <Stack gap="sm">
        {save.isError && (
          <Alert color="red" role="alert">
            {errorMessage(save.error)}
          </Alert>
        )}
        <Radio.Group
          label={t('digest.label')}
          value={chosen ?? query.data.escalationDigest}
          onChange={(value) => {
            if (!isDigest(value)) return;
            setChosen(value);
            save.mutate(value);
          }}
        >
          <Group mt="xs">
            {DIGESTS.map((digest) => (
              <Radio key={digest} value={digest} label={t(`digest.${digest}`)} />
            ))}
          </Group>
        </Radio.Group>
        <Text size="sm" role="status">
          {save.isSuccess ? t('digest.saved') : ''}
        </Text>
      </Stack>
    );
  };

  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="digest-title">
      <Title order={2} size="h4" id="digest-title" mb="sm">
        {t('digest.title')}
      </Title>
      {body()}
    </Paper>
  );
}
