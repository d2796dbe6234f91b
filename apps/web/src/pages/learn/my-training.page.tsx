import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';

import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/router-links.component';
import { EmptyState } from '../../components/empty-state.component';
import { ErrorState } from '../../components/error-state.component';
import { LoadingState } from '../../components/loading-state.component';
import { PageTitle } from '../../components/page-title.component';
import { useFormatters } from '../../i18n/use-formatters.hook';
import { byUrgency, type MyEnrollment, myEnrollmentsQuery } from './my-enrollments.query';

function EnrollmentItem({ enrollment }: { enrollment: MyEnrollment }) {
  const { t } = useTranslation('learn');
  const { formatDate } = useFormatters();
  const { modulesCompleted, modulesTotal } = enrollment.progress;
  return (
    <Paper component="li" withBorder p="md" radius="md">
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <AnchorLink to="/learn/enrollments/$id" params={{ id: enrollment.id }} fw={600}>
            {enrollment.course.title}
          </AnchorLink>
          {enrollment.overdue && (
            <Badge color="red.9" variant="filled">
              {t('myTraining.overdue')}
            </Badge>
          )}
        </Group>
        <Text size="sm">
          {enrollment.completedAt
            ? t('myTraining.completedOn', { date: formatDate(enrollment.completedAt) })
            : enrollment.dueAt
              ? t('myTraining.due', { date: formatDate(enrollment.dueAt) })
              : t('myTraining.noDueDate')}
        </Text>
        <Text size="sm" c="gray.7">
          {t(`myTraining.status.${enrollment.status}`)} ·{' '}
          {t('myTraining.progress', { done: modulesCompleted, total: modulesTotal })}
        </Text>
      </Stack>
    </Paper>
  );
}

/** `/learn`: every assigned course, overdue first. */
export function MyTrainingPage() {
  const { t } = useTranslation('learn');
  const query = useQuery(myEnrollmentsQuery);

  const body = () => {
    if (query.isPending) return <LoadingState />;
    if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
    if (query.data.length === 0) return <EmptyState>{t('myTraining.empty')}</EmptyState>;
    return (
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {[...query.data].sort(byUrgency).map((enrollment) => (
          <EnrollmentItem key={enrollment.id} enrollment={enrollment} />
        ))}
      </Stack>
    );
  };

  return (
    <>
      <PageTitle>{t('myTraining.title')}</PageTitle>
      {body()}
    </>
  );
}
