import { Accordion, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { unwrap } from '../../api/api-error';
import type { components } from '../../api/schema';
import { EmptyState } from '../../components/empty-state.component';
import { ErrorState } from '../../components/error-state.component';
import { LoadingState } from '../../components/loading-state.component';
import { PageTitle } from '../../components/page-title.component';
import { AnchorLink } from '../../components/router-links.component';

type Question = components['schemas']['QuestionKeyView'];

/** Questions under their objective, in the course's objective order; any objective it no longer lists comes last. */
function byObjective(objectives: readonly string[], questions: readonly Question[]) {
  const groups = new Map<string, Question[]>(objectives.map((objective) => [objective, []]));
  for (const question of questions) {
    const group = groups.get(question.objective) ?? [];
    group.push(question);
    groups.set(question.objective, group);
  }
  return [...groups].filter(([, group]) => group.length > 0);
}

function QuestionItem({ question }: { question: Question }) {
  const { t } = useTranslation('platform');
  return (
    <Paper component="li" withBorder p="md" radius="md">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {question.prompt}
        </Title>
        <List type="ordered" spacing={4} aria-label={t('questions.choices')} listStyleType="upper-alpha">
          {question.choices.map((choice) => (
            <List.Item key={choice.id}>
              <Group gap="xs" wrap="nowrap" component="span" display="inline-flex">
                <Text component="span" fw={choice.correct ? 700 : undefined}>
                  {choice.text}
                </Text>
                {choice.correct && (
                  <Badge color="teal.9" variant="filled">
                    {t('questions.correct')}
                  </Badge>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
        <Text size="sm">
          <Text component="strong" size="sm" fw={700}>
            {t('questions.explanation')}:
          </Text>{' '}
          {question.explanation}
        </Text>
      </Stack>
    </Paper>
  );
}

/** `/platform/catalog/:id/questions`: a course's question bank with the answer key, grouped by objective. */
export function QuestionBankPage() {
  const { t } = useTranslation('platform');
  const { id } = useParams({ from: '/app/platform/catalog/$id/questions' });
  const course = useQuery({
    queryKey: ['courses', id],
    queryFn: () => unwrap(api.GET('/api/v1/courses/{id}', { params: { path: { id } } })),
  });
  const questions = useQuery({
    queryKey: ['platform', 'courses', id, 'questions'],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/platform/courses/{id}/questions', { params: { path: { id } } }))).items,
  });

  const body = () => {
    if (course.isPending || questions.isPending) return <LoadingState />;
    if (course.isError) return <ErrorState error={course.error} onRetry={() => void course.refetch()} />;
    if (questions.isError)
      return <ErrorState error={questions.error} onRetry={() => void questions.refetch()} />;
    if (questions.data.length === 0) return <EmptyState>{t('questions.empty')}</EmptyState>;
    const groups = byObjective(course.data.objectives, questions.data);
    return (
      <Stack gap="md">
        <Text>
          {t('questions.subtitle', { title: course.data.title, version: course.data.version })} ·{' '}
          {t('questions.count', { count: questions.data.length })}
        </Text>
        {/* One objective open at a time keeps a bank of dozens of questions readable on a phone. */}
        <Accordion variant="separated" order={2} defaultValue="objective-0">
          {/* Values become element ids: an index, never the objective's words. */}
          {groups.map(([objective, group], index) => (
            <Accordion.Item key={objective} value={`objective-${index}`}>
              <Accordion.Control>
                {objective} ({t('questions.count', { count: group.length })})
              </Accordion.Control>
              <Accordion.Panel>
                <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
                  {group.map((question) => (
                    <QuestionItem key={question.id} question={question} />
                  ))}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      </Stack>
    );
  };

  return (
    <>
      <AnchorLink to="/platform/catalog" size="sm">
        {t('questions.back')}
      </AnchorLink>
      <PageTitle>{t('questions.title')}</PageTitle>
      {body()}
    </>
  );
}
