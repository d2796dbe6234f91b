import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/router-links.component';
import { EmptyState } from '../../components/empty-state.component';
import { ErrorState } from '../../components/error-state.component';
import { LoadingState } from '../../components/loading-state.component';
import { PageTitle } from '../../components/page-title.component';
import { myEnrollmentsQuery } from './my-enrollments.query';

/** `/learn/enrollments/:id`: the course's heading and progress; the player (modules, assessment) builds on it. */
export function EnrollmentPage() {
  const { t } = useTranslation('learn');
  const { id } = useParams({ from: '/app/learn/enrollments/$id' });
  const query = useQuery(myEnrollmentsQuery);

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const enrollment = query.data.find((item) => item.id === id);
  const back = <AnchorLink to="/learn">{t('enrollment.back')}</AnchorLink>;
  if (!enrollment)
    return (
      <Stack>
        <EmptyState>{t('enrollment.notFound')}</EmptyState>
        {back}
      </Stack>
    );
  return (
    <Stack>
      {back}
      <PageTitle>{enrollment.course.title}</PageTitle>
      <Text>
        {t(`myTraining.status.${enrollment.status}`)} ·{' '}
        {t('myTraining.progress', {
          done: enrollment.progress.modulesCompleted,
          total: enrollment.progress.modulesTotal,
        })}
      </Text>
    </Stack>
  );
}
