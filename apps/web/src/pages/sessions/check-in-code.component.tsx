import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { unwrap } from '../../api/api-error';
import { ErrorState } from '../../components/error-state.component';
import { SESSIONS_KEY } from './sessions.queries';

/** The code read again just after it changes (every minute), with a floor so a skewed clock cannot spin. */
const untilNextCode = (changesAt: string) => Math.max(5_000, Date.parse(changesAt) - Date.now() + 500);

/**
 * The facilitator shows the minute's self check-in code to the room: big enough to read from the back, replaced
 * as the api changes it (every 60 s).
 */
export function CheckInCode({ sessionId, timezone }: { sessionId: string; timezone: string }) {
  const { t, i18n } = useTranslation('sessions');
  const [shown, setShown] = useState(false);
  const code = useQuery({
    queryKey: [...SESSIONS_KEY, sessionId, 'check-in-code'],
    queryFn: () =>
      unwrap(api.POST('/api/v1/live-sessions/{id}/check-in-code', { params: { path: { id: sessionId } } })),
    enabled: shown,
    gcTime: 0,
    retry: false,
    refetchInterval: (query) => (query.state.data ? untilNextCode(query.state.data.changesAt) : false),
  });
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'medium', timeZone: timezone });
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('code.heading')}
      </Title>
      <Button
        variant={shown ? 'outline' : 'filled'}
        size="md"
        mih={44}
        style={{ alignSelf: 'flex-start' }}
        onClick={() => setShown(!shown)}
      >
        {shown ? t('code.hide') : t('code.show')}
      </Button>
      {shown && code.isError && <ErrorState error={code.error} onRetry={() => void code.refetch()} />}
      {shown && code.data && (
        <Paper withBorder p="md" radius="md">
          <Text size="sm" fw={600}>
            {t('code.label')}
          </Text>
          <Text
            data-testid="check-in-code"
            fw={700}
            ta="center"
            style={{
              fontSize: 'clamp(3rem, 17vw, 9rem)',
              fontVariantNumeric: 'tabular-nums',
              letterSpacing: '0.08em',
              lineHeight: 1.1,
            }}
          >
            {code.data.code}
          </Text>
          <Text size="sm" ta="center">
            {t('code.changesAt', { time: time.format(new Date(code.data.changesAt)) })}
          </Text>
        </Paper>
      )}
    </Stack>
  );
}
