import { Alert, List, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';
import { useErrorMessage } from '../../components/error-state.component';

type Conflict = components['schemas']['LiveSessionConflictView'];

function ConflictList({ conflicts, zone }: { conflicts: Conflict[]; zone: string }) {
  const { t, i18n } = useTranslation('admin');
  const when = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: zone,
  });
  return (
    <Alert color="red" title={t('newSession.conflictsTitle')}>
      <List size="sm">
        {conflicts.map((conflict) => (
          <List.Item key={`${conflict.facilitatorId}-${conflict.busyFrom}`}>
            {t(conflict.sessionId ? 'newSession.busyHere' : 'newSession.busyElsewhere', {
              name: conflict.facilitatorName,
              from: when.format(new Date(conflict.busyFrom)),
              until: when.format(new Date(conflict.busyUntil)),
            })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

interface AvailabilityProps {
  preview: {
    asked: boolean;
    conflicts: UseQueryResult<Conflict[]>;
    busy: boolean;
    settled: boolean;
  };
  zone: string;
}

/** The facilitators' availability at the form's time, announced politely as it changes. */
export function SessionAvailability({ preview, zone }: AvailabilityProps) {
  const { t } = useTranslation('admin');
  const errorMessage = useErrorMessage();
  const { asked, conflicts, busy, settled } = preview;
  return (
    <section aria-labelledby="conflicts-title">
      <Title order={2} size="h4" id="conflicts-title" mb="xs">
        {t('newSession.availability')}
      </Title>
      <div role="status" aria-live="polite">
        {!asked ? (
          <Text size="sm">{t('newSession.pickToCheck')}</Text>
        ) : conflicts.isError ? (
          <Text size="sm">{errorMessage(conflicts.error)}</Text>
        ) : !settled ? (
          <Text size="sm">{t('newSession.checking')}</Text>
        ) : busy ? (
          <ConflictList conflicts={conflicts.data ?? []} zone={zone} />
        ) : (
          <Text size="sm">{t('newSession.allFree')}</Text>
        )}
      </div>
    </section>
  );
}
