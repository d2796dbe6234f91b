import { Alert, Button, Checkbox, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { ApiError, unwrap } from '../../api/api-error';
import { useErrorMessage } from '../../components/error-state.component';

const RATINGS = ['1', '2', '3', '4', '5'];

/** The learner's evaluation of the activity, which the course asks for before it issues the certificate. */
export function Evaluation({ enrollmentId }: { enrollmentId: string }) {
  const { t } = useTranslation('learn');
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { objectivesMet: '', relevantToPractice: '', commercialBias: false, comments: '' },
    validate: {
      objectivesMet: (value) => (value ? null : t('evaluation.chooseRating')),
      relevantToPractice: (value) => (value ? null : t('evaluation.chooseRating')),
    },
  });
  const give = useMutation({
    mutationFn: (values: typeof form.values) =>
      unwrap(
        api.POST('/api/v1/enrollments/{id}/evaluation', {
          params: { path: { id: enrollmentId } },
          body: {
            objectivesMet: Number(values.objectivesMet),
            relevantToPractice: Number(values.relevantToPractice),
            commercialBias: values.commercialBias,
            ...(values.comments.trim() ? { comments: values.comments.trim() } : {}),
          },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me'] }),
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) form.setErrors(error.fieldErrors);
    },
  });

  const rating = (field: 'objectivesMet' | 'relevantToPractice', label: string) => (
    <Radio.Group label={label} withAsterisk {...form.getInputProps(field)}>
      <Group gap="md" mt="xs">
        {RATINGS.map((value) => (
          <Radio key={value} value={value} label={value} />
        ))}
      </Group>
    </Radio.Group>
  );

  return (
    <Paper component="section" aria-labelledby="evaluation-title" withBorder p="md" radius="md">
      <Title order={2} size="h3" id="evaluation-title" mb="sm">
        {t('evaluation.title')}
      </Title>
      <form onSubmit={form.onSubmit((values) => give.mutate(values))} noValidate>
        <Stack>
          <Text>{t('evaluation.intro')}</Text>
          {give.isError && !(give.error instanceof ApiError && give.error.status === 400) && (
            <Alert color="red" role="alert">
              {errorMessage(give.error)}
            </Alert>
          )}
          {rating('objectivesMet', t('evaluation.objectivesMet'))}
          {rating('relevantToPractice', t('evaluation.relevantToPractice'))}
          <Checkbox
            label={t('evaluation.commercialBias')}
            {...form.getInputProps('commercialBias', { type: 'checkbox' })}
          />
          <Textarea
            label={t('evaluation.comments')}
            autosize
            minRows={3}
            maxLength={5000}
            {...form.getInputProps('comments')}
          />
          <Button type="submit" loading={give.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('evaluation.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
