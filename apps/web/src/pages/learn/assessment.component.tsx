import { Alert, Button, List, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { unwrap } from '../../api/api-error';
import type { components } from '../../api/schema';
import { useErrorMessage } from '../../components/error-state.component';
import type { CourseDetail, EnrollmentDetail } from './enrollment.query';

type Attempt = components['schemas']['AttemptView'];
type AttemptResult = components['schemas']['AttemptResultView'];

/**
 * The assessment after the modules: `Start assessment` draws (or reopens) an attempt, each question is a radio
 * group named by its prompt, and the result says the score, `Passed` or `Not passed`, and the attempts left.
 */
export function Assessment({ enrollment, course }: { enrollment: EnrollmentDetail; course: CourseDetail }) {
  const { t } = useTranslation('learn');
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [result, setResult] = useState<AttemptResult | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const questionsRef = useRef<HTMLHeadingElement>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['me', 'enrollments'] });

  const start = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/enrollments/{id}/assessment/attempts', { params: { path: { id: enrollment.id } } }),
      ),
    onSuccess: (drawn) => {
      setAttempt(drawn);
      setAnswers({});
      setResult(null);
      void refresh();
    },
  });
  const submit = useMutation({
    mutationFn: (current: Attempt) =>
      unwrap(
        api.POST('/api/v1/enrollments/{id}/assessment/attempts/{attemptId}/submit', {
          params: { path: { id: enrollment.id, attemptId: current.attemptId } },
          body: {
            answers: current.questions
              .filter((question) => answers[question.id])
              .map((question) => ({ questionId: question.id, choiceId: answers[question.id] })),
          },
        }),
      ),
    onSuccess: (scored) => {
      setResult(scored);
      setAttempt(null);
      void refresh();
    },
  });

  // Focus follows the work: to the questions once drawn, to the result once scored (read out from its heading).
  useEffect(() => {
    if (attempt) questionsRef.current?.focus();
  }, [attempt]);
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  const body = () => {
    if (result) return <Result result={result} headingRef={resultRef} onRetry={() => start.mutate()} />;
    if (enrollment.assessmentPassed) return <Text>{t('assessment.alreadyPassed')}</Text>;
    if (enrollment.status === 'completed') return <Text>{t('assessment.completedElsewhere')}</Text>;
    if (attempt)
      return (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit.mutate(attempt);
          }}
          noValidate
        >
          <Stack>
            <Title order={3} size="h4" ref={questionsRef} tabIndex={-1}>
              {t('assessment.questionsTitle', { count: attempt.questions.length })}
            </Title>
            <Text size="sm">{t('assessment.unansweredHelp')}</Text>
            {attempt.questions.map((question, index) => (
              <Radio.Group
                key={question.id}
                label={question.prompt}
                description={t('assessment.questionNumber', {
                  number: index + 1,
                  total: attempt.questions.length,
                })}
                value={answers[question.id] ?? null}
                onChange={(choiceId) => setAnswers((given) => ({ ...given, [question.id]: choiceId }))}
              >
                <Stack gap="xs" mt="xs">
                  {question.choices.map((choice) => (
                    <Radio key={choice.id} value={choice.id} label={choice.text} />
                  ))}
                </Stack>
              </Radio.Group>
            ))}
            {submit.isError && (
              <Alert color="red" role="alert">
                {errorMessage(submit.error)}
              </Alert>
            )}
            <Button type="submit" loading={submit.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('assessment.submit')}
            </Button>
          </Stack>
        </form>
      );
    if (enrollment.progress.modulesCompleted < enrollment.progress.modulesTotal)
      return <Text>{t('assessment.modulesFirst')}</Text>;
    if (enrollment.attemptsRemaining <= 0 && !enrollment.openAttemptId)
      return <Text>{t('assessment.noAttemptsLeft')}</Text>;
    return (
      <Stack align="flex-start">
        <Text>
          {t('assessment.intro', { score: course.passingScore, count: enrollment.attemptsRemaining })}
        </Text>
        <Button onClick={() => start.mutate()} loading={start.isPending}>
          {enrollment.openAttemptId ? t('assessment.resume') : t('assessment.start')}
        </Button>
      </Stack>
    );
  };

  return (
    <Paper component="section" aria-labelledby="assessment-title" withBorder p="md" radius="md">
      <Title order={2} size="h3" id="assessment-title" mb="sm">
        {t('assessment.title')}
      </Title>
      {start.isError && (
        <Alert color="red" role="alert" mb="sm">
          {errorMessage(start.error)}
        </Alert>
      )}
      {body()}
    </Paper>
  );
}

function Result({
  result,
  headingRef,
  onRetry,
}: {
  result: AttemptResult;
  headingRef: React.Ref<HTMLHeadingElement>;
  onRetry: () => void;
}) {
  const { t } = useTranslation('learn');
  return (
    <Stack align="flex-start">
      <Title order={3} size="h4" ref={headingRef} tabIndex={-1}>
        {result.passed ? t('assessment.passed') : t('assessment.notPassed')}
      </Title>
      <Text>{t('assessment.score', { score: result.score })}</Text>
      <Text>{t('assessment.attemptsLeft', { count: result.attemptsRemaining })}</Text>
      {!result.passed && result.missedObjectives.length > 0 && (
        <>
          <Text>{t('assessment.review')}</Text>
          <List>
            {result.missedObjectives.map((objective) => (
              <List.Item key={objective}>{objective}</List.Item>
            ))}
          </List>
        </>
      )}
      {result.passed && result.missedQuestions.length > 0 && (
        <Stack gap="sm">
          <Title order={4} size="h5">
            {t('assessment.explanations')}
          </Title>
          {result.missedQuestions.map((question) => (
            <Paper key={question.questionId} withBorder p="sm">
              <Text fw={600}>{question.prompt}</Text>
              <Text size="sm">{question.explanation}</Text>
            </Paper>
          ))}
        </Stack>
      )}
      {!result.passed &&
        (result.attemptsRemaining > 0 ? (
          <Button onClick={onRetry}>{t('assessment.tryAgain')}</Button>
        ) : (
          <Text>{t('assessment.noAttemptsLeft')}</Text>
        ))}
    </Stack>
  );
}
