import { Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/empty-state.component';
import { ErrorState } from '../../components/error-state.component';
import { LoadingState } from '../../components/loading-state.component';
import { PageTitle } from '../../components/page-title.component';
import { useSession } from '../../session/use-session.hook';
import { RegistrationActions } from './registration-actions.component';
import { SessionCard } from './session-card.component';
import { mySessionsQuery, organizationSessionsQuery } from './sessions.queries';

const listStyle = { listStyle: 'none' } as const;

/**
 * `/sessions`: my sessions (registered, waitlisted or facilitated) and, for an organization's members, the
 * organization's upcoming sessions to register for. Platform staff see the sessions they facilitate.
 */
export function SessionsPage() {
  const { t } = useTranslation('sessions');
  const session = useSession();
  const member = session.organizationId !== null;
  const mine = useQuery(mySessionsQuery());
  const upcoming = useQuery({ ...organizationSessionsQuery(), enabled: member });

  const myList = () => {
    if (mine.isPending) return <LoadingState />;
    if (mine.isError) return <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />;
    if (mine.data.length === 0)
      return <EmptyState>{member ? t('list.emptyMine') : t('list.emptyFacilitating')}</EmptyState>;
    return (
      <Stack component="ul" gap="sm" p={0} m={0} style={listStyle}>
        {mine.data.map((item) => (
          <SessionCard
            key={item.id}
            session={item}
            status={item.registrationStatus}
            facilitating={item.facilitating}
          />
        ))}
      </Stack>
    );
  };

  const upcomingList = () => {
    if (upcoming.isPending) return <LoadingState />;
    if (upcoming.isError)
      return <ErrorState error={upcoming.error} onRetry={() => void upcoming.refetch()} />;
    if (upcoming.data.length === 0) return <EmptyState>{t('list.emptyUpcoming')}</EmptyState>;
    const statusOf = new Map((mine.data ?? []).map((item) => [item.id, item.registrationStatus]));
    return (
      <Stack component="ul" gap="sm" p={0} m={0} style={listStyle}>
        {upcoming.data.map((item) => {
          const status = statusOf.get(item.id) ?? null;
          return (
            <SessionCard key={item.id} session={item} status={status}>
              {mine.isSuccess && (
                <RegistrationActions session={item} status={status} describedBy={`session-${item.id}`} />
              )}
            </SessionCard>
          );
        })}
      </Stack>
    );
  };

  return (
    <>
      <PageTitle>{t('list.title')}</PageTitle>
      <Stack gap="xl">
        <section aria-labelledby="my-sessions">
          <Title order={2} size="h3" mb="sm" id="my-sessions">
            {member ? t('list.mine') : t('list.facilitating')}
          </Title>
          {myList()}
        </section>
        {member && (
          <section aria-labelledby="upcoming-sessions">
            <Title order={2} size="h3" mb="sm" id="upcoming-sessions">
              {t('list.upcoming')}
            </Title>
            {upcomingList()}
          </section>
        )}
      </Stack>
    </>
  );
}
