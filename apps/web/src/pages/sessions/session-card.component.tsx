import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/router-links.component';
import type { LiveSession } from './sessions.queries';
import { useSessionTime } from './use-session-time.hook';

interface SessionCardProps {
  session: LiveSession;
  /** My registration's status, when I have one. */
  status?: string | null;
  facilitating?: boolean;
  children?: ReactNode;
}

/** One session in a list: the course (linking to the session), its time in its zone, place and seats. */
export function SessionCard({ session, status, facilitating, children }: SessionCardProps) {
  const { t } = useTranslation('sessions');
  const time = useSessionTime();
  const seatsLeft = Math.max(0, session.capacity - session.registeredCount);
  return (
    <Paper component="li" withBorder p="md" radius="md">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <AnchorLink
            to="/sessions/$id"
            params={{ id: session.id }}
            fw={600}
            id={`session-${session.id}`}
            style={{ overflowWrap: 'anywhere' }}
          >
            {session.courseTitle}
          </AnchorLink>
          <Group gap={4}>
            {session.status === 'cancelled' && (
              <Badge color="red.9" variant="filled">
                {t('cancelled')}
              </Badge>
            )}
            {status && (
              <Badge color={status === 'registered' ? 'teal.9' : 'orange.9'} variant="filled">
                {t(`status.${status === 'registered' ? 'registered' : 'waitlisted'}`)}
              </Badge>
            )}
            {facilitating && (
              <Badge color="blue.9" variant="filled">
                {t('status.facilitating')}
              </Badge>
            )}
          </Group>
        </Group>
        <Text size="sm">{time(session)}</Text>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {t('place', { site: session.siteName, location: session.location })}
        </Text>
        <Text size="sm" c="gray.7">
          {seatsLeft > 0
            ? t('seatsLeft', { count: seatsLeft, capacity: session.capacity })
            : t('full', { waitlist: session.waitlistCount })}
        </Text>
        {children}
      </Stack>
    </Paper>
  );
}
