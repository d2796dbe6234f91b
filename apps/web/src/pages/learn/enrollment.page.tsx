import { Anchor, List, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { EmptyState } from '../../components/empty-state.component';
import { ErrorState, useErrorMessage } from '../../components/error-state.component';
import { LoadingState } from '../../components/loading-state.component';
import { PageTitle } from '../../components/page-title.component';
import { AnchorLink } from '../../components/router-links.component';
import { useFormatters } from '../../i18n/use-formatters.hook';
import { Assessment } from './assessment.component';
import { downloadCertificate } from './certificate-download';
import { type CourseDetail, courseQuery, type EnrollmentDetail, enrollmentQuery } from './enrollment.query';
import { Evaluation } from './evaluation.component';
import { ModuleSection } from './module-section.component';

/**
 * `/learn/enrollments/:id`: the course player. The course's objectives, each module in order with its text and
 * `Mark module complete`, then the assessment, the evaluation when the course asks for it, and the certificate.
 */
export function EnrollmentPage() {
  const { t } = useTranslation('learn');
  const { id } = useParams({ from: '/app/learn/enrollments/$id' });
  const enrollment = useQuery(enrollmentQuery(id));
  const course = useQuery({
    ...courseQuery(enrollment.data?.course.id ?? ''),
    enabled: enrollment.isSuccess,
  });
  const back = <AnchorLink to="/learn">{t('enrollment.back')}</AnchorLink>;

  if (enrollment.isError && enrollment.error instanceof ApiError && enrollment.error.status === 404)
    return (
      <Stack>
        <PageTitle>{t('enrollment.notFoundTitle')}</PageTitle>
        <EmptyState>{t('enrollment.notFound')}</EmptyState>
        {back}
      </Stack>
    );
  if (enrollment.isError)
    return <ErrorState error={enrollment.error} onRetry={() => void enrollment.refetch()} />;
  if (course.isError) return <ErrorState error={course.error} onRetry={() => void course.refetch()} />;
  if (enrollment.isPending || course.isPending) return <LoadingState />;
  return <Player enrollment={enrollment.data} course={course.data} back={back} />;
}

function Player({
  enrollment,
  course,
  back,
}: {
  enrollment: EnrollmentDetail;
  course: CourseDetail;
  back: ReactNode;
}) {
  const { t } = useTranslation('learn');
  const { formatDate } = useFormatters();
  const headings = useRef(new Map<string, HTMLHeadingElement>());
  const progressById = new Map(enrollment.modules.map((module) => [module.moduleId, module]));
  const modules = [...course.modules].sort((a, b) => a.position - b.position);
  const { modulesCompleted, modulesTotal } = enrollment.progress;
  const active = enrollment.status === 'not_started' || enrollment.status === 'in_progress';
  const percent = modulesTotal === 0 ? 0 : Math.round((modulesCompleted / modulesTotal) * 100);

  const focusAfter = (index: number) => {
    const next = modules.slice(index + 1).find((module) => !progressById.get(module.id)?.completedAt);
    const target = next ? headings.current.get(next.id) : document.getElementById('assessment-title');
    target?.focus();
  };

  return (
    <Stack gap="lg">
      {back}
      <div>
        <PageTitle>{enrollment.course.title}</PageTitle>
        <Text size="sm">
          {t(`myTraining.status.${enrollment.status}`)}
          {enrollment.dueAt && ` · ${t('myTraining.due', { date: formatDate(enrollment.dueAt) })}`}
          {enrollment.overdue && ` · ${t('myTraining.overdue')}`}
        </Text>
      </div>
      <Paper withBorder p="md" radius="md">
        <Text role="status" aria-live="polite" mb="xs" fw={600}>
          {t('myTraining.progress', { done: modulesCompleted, total: modulesTotal })}
        </Text>
        <Progress value={percent} aria-label={t('player.progressLabel')} color="blue.8" />
      </Paper>
      <Paper component="section" aria-labelledby="objectives-title" withBorder p="md" radius="md">
        <Title order={2} size="h3" id="objectives-title" mb="sm">
          {t('player.objectives')}
        </Title>
        <List>
          {course.objectives.map((objective) => (
            <List.Item key={objective}>{objective}</List.Item>
          ))}
        </List>
      </Paper>
      {modules.map((module, index) => (
        <ModuleSection
          key={module.id}
          ref={(element) => {
            if (element) headings.current.set(module.id, element);
            else headings.current.delete(module.id);
          }}
          enrollmentId={enrollment.id}
          module={module}
          progress={progressById.get(module.id)}
          active={active}
          onCompleted={() => focusAfter(index)}
        />
      ))}
      <Assessment enrollment={enrollment} course={course} />
      {enrollment.assessmentPassed && enrollment.evaluationRequired && !enrollment.evaluationGiven && (
        <Evaluation enrollmentId={enrollment.id} />
      )}
      {enrollment.certificateId && <CertificateLink certificateId={enrollment.certificateId} />}
    </Stack>
  );
}

function CertificateLink({ certificateId }: { certificateId: string }) {
  const { t } = useTranslation('learn');
  const errorMessage = useErrorMessage();
  const [error, setError] = useState<string | null>(null);
  return (
    <Paper component="section" aria-labelledby="certificate-title" withBorder p="md" radius="md">
      <Title order={2} size="h3" id="certificate-title" mb="sm">
        {t('certificate.title')}
      </Title>
      <Text mb="sm">{t('certificate.ready')}</Text>
      {/* A link that fetches the PDF with the session's token and saves it; its href is the certificates page. */}
      <Anchor
        href="/certificates"
        fw={600}
        onClick={(event) => {
          event.preventDefault();
          setError(null);
          downloadCertificate(certificateId).catch((failure: unknown) => setError(errorMessage(failure)));
        }}
      >
        {t('certificate.download')}
      </Anchor>
      {error && (
        <Text role="alert" c="red.9" mt="xs">
          {error}
        </Text>
      )}
    </Paper>
  );
}
