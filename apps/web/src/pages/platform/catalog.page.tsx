import { Anchor, Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { unwrap } from '../../api/api-error';
import type { components } from '../../api/schema';
import { EmptyState } from '../../components/empty-state.component';
import { ErrorState } from '../../components/error-state.component';
import { LoadingState } from '../../components/loading-state.component';
import { PageTitle } from '../../components/page-title.component';
import { AnchorLink } from '../../components/router-links.component';
import { useFormatters } from '../../i18n/use-formatters.hook';

type Course = components['schemas']['CourseView'];

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text component="dt" size="sm" c="gray.7">
        {label}
      </Text>
      <Text component="dd" m={0} fw={600}>
        {value}
      </Text>
    </div>
  );
}

function CourseCard({ course }: { course: Course }) {
  const { t } = useTranslation('platform');
  const { formatDate } = useFormatters();
  const titleId = `course-${course.id}`;
  return (
    <Paper component="article" withBorder p="md" radius="md" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Title order={2} size="h3" id={titleId}>
            {course.title}
          </Title>
          <Badge variant="light" color="blue.9">
            {course.code}
          </Badge>
        </Group>
        {course.description && <Text>{course.description}</Text>}
        <SimpleGrid component="dl" cols={{ base: 2, sm: 3, md: 6 }} spacing="sm" m={0}>
          <Fact label={t('catalog.version')} value={String(course.version)} />
          <Fact label={t('catalog.creditHours')} value={String(course.creditHours)} />
          <Fact label={t('catalog.passingScore')} value={`${course.passingScore}%`} />
          <Fact label={t('catalog.maxAttempts')} value={String(course.maxAttempts)} />
          <Fact
            label={t('catalog.releaseDate')}
            value={course.releaseDate ? formatDate(course.releaseDate) : '—'}
          />
          <Fact
            label={t('catalog.expiresOn')}
            value={course.expiresOn ? formatDate(course.expiresOn) : t('catalog.noExpiry')}
          />
        </SimpleGrid>
        <Title order={3} size="h5">
          {t('catalog.objectives')}
        </Title>
        <List type="ordered" spacing={4}>
          {course.objectives.map((objective) => (
            <List.Item key={objective}>{objective}</List.Item>
          ))}
        </List>
        <Title order={3} size="h5">
          {t('catalog.modules')}
        </Title>
        <List type="ordered" spacing={4}>
          {course.modules.map((module) => (
            <List.Item key={module.id}>
              {module.title} ({t('catalog.minutes', { count: module.estimatedMinutes })})
            </List.Item>
          ))}
        </List>
        <Title order={3} size="h5">
          {t('catalog.sources')}
        </Title>
        <List spacing={4}>
          {course.sources.map((source) => (
            <List.Item key={source.url}>
              <Anchor href={source.url} target="_blank" rel="noreferrer" style={{ overflowWrap: 'anywhere' }}>
                {source.title}
              </Anchor>
            </List.Item>
          ))}
        </List>
        <AnchorLink to="/platform/catalog/$id/questions" params={{ id: course.id }} fw={600}>
          {t('catalog.questionBank', { title: course.title })}
        </AnchorLink>
      </Stack>
    </Paper>
  );
}

/** `/platform/catalog`: the current version of each course with its CE facts, and a way to its question bank. */
export function CatalogPage() {
  const { t } = useTranslation('platform');
  const query = useQuery({
    queryKey: ['courses'],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/courses', { params: { query: { limit: 200 } } }))).items,
  });

  const body = () => {
    if (query.isPending) return <LoadingState />;
    if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
    if (query.data.length === 0) return <EmptyState>{t('catalog.empty')}</EmptyState>;
    return (
      <Stack gap="md">
        {query.data.map((course) => (
          <CourseCard key={course.id} course={course} />
        ))}
      </Stack>
    );
  };

  return (
    <>
      <PageTitle>{t('catalog.title')}</PageTitle>
      {body()}
    </>
  );
}
