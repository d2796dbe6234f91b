import { Button, Group } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../components/error-state.component';
import { notify } from '../admin/notify';
import { useNowUntil } from '../learn/use-now.hook';
import { type LiveSession, leave, myRegistrationQuery, register, SESSIONS_KEY } from './sessions.queries';

interface RegistrationActionsProps {
  session: LiveSession;
  /** My registration's status: null when I am not registered. */
  status: string | null;
  /** The id of the element naming the session, where several sessions' buttons share a page. */
  describedBy?: string;
}

/**
 * Register, join the waitlist, or leave. The member id comes from my registration of the session (the session
 * token does not carry it); every live-session query is read again after, so counts and badges agree.
 */
export function RegistrationActions({ session, status, describedBy }: RegistrationActionsProps) {
  const { t } = useTranslation('sessions');
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const memberId = async () => (await queryClient.fetchQuery(myRegistrationQuery(session.id))).memberId;
  const change = useMutation({
    mutationFn: async (action: 'register' | 'leave') => {
      const member = await memberId();
      if (action === 'leave') {
        await leave(session.id, member);
        return null;
      }
      return (await register(session.id, member)).status;
    },
    onSuccess: (result) =>
      notify(t(result === null ? 'left' : result === 'registered' ? 'registered' : 'waitlisted')),
    onError: (error) => notify(errorMessage(error), 'failure'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: SESSIONS_KEY }),
  });

  const now = useNowUntil(session.registrationClosesAt);
  const closed = session.status === 'cancelled' || now >= Date.parse(session.registrationClosesAt);
  const full = session.registeredCount >= session.capacity;
  return (
    <Group gap="sm">
      {status === null && !closed && (
        <Button
          size="md"
          mih={44}
          loading={change.isPending}
          onClick={() => change.mutate('register')}
          aria-describedby={describedBy}
        >
          {full ? t('joinWaitlist') : t('register')}
        </Button>
      )}
      {status !== null && (
        <Button
          size="md"
          mih={44}
          variant="outline"
          loading={change.isPending}
          onClick={() => change.mutate('leave')}
          aria-describedby={describedBy}
        >
          {status === 'waitlisted' ? t('leaveWaitlist') : t('leave')}
        </Button>
      )}
    </Group>
  );
}
