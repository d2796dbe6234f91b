import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, useErrorMessage } from '../../components/error-state.component';
import { LoadingState } from '../../components/loading-state.component';
import { AnchorLink } from '../../components/router-links.component';
import { useNowUntil } from '../learn/use-now.hook';
import { CheckInForm } from './check-in-form.component';
import { RegistrationActions } from './registration-actions.component';
import { downloadSessionCalendar } from './session-calendar-download';
import { type LiveSession, myRegistrationQuery } from './sessions.queries';

/** Self check-in is offered from 30 minutes before the start (as attendance opens) to the end. */
const CHECK_IN_OPENS_BEFORE_MS = 30 * 60 * 1000;

/** A member's part of the session page: register or leave, the calendar file, check-in and what it earned. */
export function MyRegistration({ session }: { session: LiveSession }) {
  const { t } = useTranslation('sessions');
  const errorMessage = useErrorMessage();
  const mine = useQuery(myRegistrationQuery(session.id));
  const [downloadError, setDownloadError] = useState<string | null>(null);
  // Read again as check-in opens, as registration closes and as the session ends: what the page offers changes then.
  const opensAt = new Date(Date.parse(session.startsAt) - CHECK_IN_OPENS_BEFORE_MS).toISOString();
  const now = Math.max(
    useNowUntil(opensAt),
    useNowUntil(session.registrationClosesAt),
    useNowUntil(session.endsAt),
  );

  const body = () => {
    if (mine.isPending) return <LoadingState />;
    if (mine.isError) return <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />;
    const { status, checkIn, attendance, rosterClosedAt } = mine.data;
    const checkInOpen =
      status === 'registered' &&
      session.status === 'scheduled' &&
      rosterClosedAt === null &&
      checkIn === null &&
      attendance === null &&
      now >= Date.parse(opensAt) &&
      now < Date.parse(session.endsAt);
    return (
      <Stack gap="md">
        <Text>
          {status === 'registered'
            ? t('registered')
            : status === 'waitlisted'
              ? t('waitlisted')
              : now >= Date.parse(session.registrationClosesAt)
                ? t('closed')
                : t('detail.notRegistered')}
        </Text>
        <RegistrationActions session={session} status={status} />
        {status !== null && (
          <div>
            <Anchor
              href={`/sessions/${session.id}`}
              fw={600}
              onClick={(event) => {
                event.preventDefault();
                setDownloadError(null);
                downloadSessionCalendar(session.id).catch((failure: unknown) =>
                  setDownloadError(errorMessage(failure)),
                );
              }}
            >
              {t('downloadIcs')}
            </Anchor>
            {downloadError && (
              <Text role="alert" c="red.9" size="sm">
                {downloadError}
              </Text>
            )}
          </div>
        )}
        {attendance === 'attended' && (
          <Stack gap={4}>
            <Text role="status">{t('attended')}</Text>
            <Group gap="lg">
              <AnchorLink to="/certificates">{t('certificates')}</AnchorLink>
              <AnchorLink to="/learn">{t('myTraining')}</AnchorLink>
            </Group>
          </Stack>
        )}
        {attendance !== 'attended' && checkIn === 'provisional' && (
          <Text role="status">{t('checkIn.provisional')}</Text>
        )}
        {checkIn === 'rejected' && <Text role="status">{t('checkIn.rejected')}</Text>}
        {checkInOpen && <CheckInForm sessionId={session.id} />}
      </Stack>
    );
  };

  return (
    <section aria-labelledby="my-registration-heading">
      <Title order={2} size="h3" mb="sm" id="my-registration-heading">
        {t('detail.mine')}
      </Title>
      {body()}
    </section>
  );
}
