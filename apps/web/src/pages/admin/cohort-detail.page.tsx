import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { ApiError, unwrap } from '../../api/api-error';
import { useCursorList } from '../../api/use-cursor-list.hook';
import { ErrorState, useErrorMessage } from '../../components/error-state.component';
import { LoadingState } from '../../components/loading-state.component';
import { PageTitle } from '../../components/page-title.component';
import { QueryTable } from '../../components/query-table.component';
import { ScrollRegion } from '../../components/scroll-region.component';
import { AnchorLink } from '../../components/router-links.component';
import { useFormatters } from '../../i18n/use-formatters.hook';
import { type Cohort, cohortQuery, coursesQuery, parseDays } from './cohort.queries';
import { ReminderFields } from './cohort-wizard.page';
import { ConfirmButton } from './confirm-button.component';
import { EnrollmentAction } from './enrollment-action.component';
import { Pager } from './pager.component';
import { notify } from './notify';

const STATS = ['enrolled', 'notStarted', 'inProgress', 'completed', 'overdue', 'exempt'] as const;

function Stats({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation('admin');
  const rate = cohort.stats.completionRate;
  return (
    <section aria-labelledby="cohort-stats">
      <Title order={2} size="h3" id="cohort-stats" mb="sm">
        {t('cohort.stats')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} component="dl" m={0}>
        {STATS.map((key) => (
          <Paper key={key} withBorder p="sm" radius="md">
            <Text component="dt" size="sm">
              {t(`stats.${key}`)}
            </Text>
            <Text
              component="dd"
              m={0}
              fw={700}
              size="xl"
              c={key === 'overdue' && cohort.stats.overdue ? 'red.9' : undefined}
            >
              {cohort.stats[key]}
            </Text>
          </Paper>
        ))}
        <Paper withBorder p="sm" radius="md">
          <Text component="dt" size="sm">
            {t('stats.completionRate')}
          </Text>
          <Text component="dd" m={0} fw={700} size="xl">
            {rate === null ? '—' : `${Math.round(rate * 100)} %`}
          </Text>
        </Paper>
      </SimpleGrid>
    </section>
  );
}

function Enrollments({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation('admin');
  const { formatDate } = useFormatters();
  const list = useCursorList({
    queryKey: ['cohorts', 'enrollments', cohort.id],
    fetchPage: (cursor) =>
      unwrap(
        api.GET('/api/v1/cohorts/{id}/enrollments', {
          params: { path: { id: cohort.id }, query: { cursor, limit: 50 } },
        }),
      ),
    keepPrevious: true,
  });
  const body = (
    <QueryTable list={list} isEmpty={list.page.items.length === 0} empty={t('cohort.noEnrollments')}>
      <ScrollRegion label={t('cohort.enrollmentsCaption')} minWidth={640}>
        <Table captionSide="top">
          <Table.Caption>{t('cohort.enrollmentsCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cohort.member')}</Table.Th>
              <Table.Th>{t('cohort.status')}</Table.Th>
              <Table.Th>{t('cohort.dueAt')}</Table.Th>
              <Table.Th>{t('cohort.completedAt')}</Table.Th>
              <Table.Th>{t('sites.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.page.items.map((enrollment) => {
              const open = enrollment.status === 'not_started' || enrollment.status === 'in_progress';
              return (
                <Table.Tr key={enrollment.id} bg={enrollment.overdue ? 'red.0' : undefined}>
                  <Table.Td>{enrollment.memberName}</Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      {t(`enrollmentStatus.${enrollment.status}`)}
                      {enrollment.overdue && (
                        <Badge variant="filled" color="red.9">
                          {t('cohort.overdue')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{enrollment.dueAt ? formatDate(enrollment.dueAt) : '—'}</Table.Td>
                  <Table.Td>{enrollment.completedAt ? formatDate(enrollment.completedAt) : '—'}</Table.Td>
                  <Table.Td>
                    {open && !cohort.archived && (
                      <Group gap="xs" wrap="nowrap">
                        <EnrollmentAction
                          kind="exempt"
                          enrollmentId={enrollment.id}
                          memberName={enrollment.memberName}
                        />
                        <EnrollmentAction
                          kind="grant"
                          enrollmentId={enrollment.id}
                          memberName={enrollment.memberName}
                        />
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
      <Pager page={list.page} />
    </QueryTable>
  );
  return (
    <section aria-labelledby="cohort-enrollments">
      <Title order={2} size="h3" id="cohort-enrollments" mb="sm">
        {t('cohort.enrollments')}
      </Title>
      {body}
    </section>
  );
}

interface EditValues {
  name: string;
  dueRule: 'date' | 'days' | 'none';
  dueDate: string;
  dueInDays: number | string;
  beforeDueDays: string;
  overdueEveryDays: number | string;
  escalateAfterDays: number | string;
}

function editValues(cohort: Cohort): EditValues {
  return {
    name: cohort.name,
    dueRule: cohort.dueDate ? 'date' : cohort.dueInDays !== null ? 'days' : 'none',
    dueDate: cohort.dueDate ?? '',
    dueInDays: cohort.dueInDays ?? 30,
    beforeDueDays: cohort.reminders.beforeDueDays.join(', '),
    overdueEveryDays: cohort.reminders.overdueEveryDays,
    escalateAfterDays: cohort.reminders.escalateAfterDays,
  };
}

function EditCohort({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation('admin');
  const { t: common } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const form = useForm<EditValues>({ initialValues: editValues(cohort) });
  const { setValues, resetDirty } = form;
  useEffect(() => {
    const values = editValues(cohort);
    setValues(values);
    resetDirty(values);
  }, [cohort, setValues, resetDirty]);
  const save = useMutation({
    mutationFn: (values: EditValues) =>
      unwrap(
        api.PATCH('/api/v1/cohorts/{id}', {
          params: { path: { id: cohort.id } },
          body: {
            name: values.name.trim(),
            dueDate: values.dueRule === 'date' ? values.dueDate : null,
            dueInDays: values.dueRule === 'days' ? Number(values.dueInDays) : null,
            reminders: {
              beforeDueDays: parseDays(values.beforeDueDays),
              overdueEveryDays: Number(values.overdueEveryDays),
              escalateAfterDays: Number(values.escalateAfterDays),
            },
          },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['cohorts'] });
      notify(common('saved'));
    },
    onError: (error) => {
      if (!(error instanceof ApiError) || error.status !== 400) return;
      const errors: Record<string, string> = {};
      for (const [field, message] of Object.entries(error.fieldErrors))
        errors[field.replace(/^reminders\./, '').replace(/\.\d+$/, '')] = message;
      form.setErrors(errors);
    },
  });
  return (
    <section aria-labelledby="cohort-edit">
      <Title order={2} size="h3" id="cohort-edit" mb="sm">
        {t('cohort.edit')}
      </Title>
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack maw={560}>
          {save.isError && !(save.error instanceof ApiError && save.error.status === 400) && (
            <Alert color="red" role="alert">
              {errorMessage(save.error)}
            </Alert>
          )}
          <TextInput label={t('wizard.name')} {...form.getInputProps('name')} />
          <Radio.Group label={t('wizard.dueRule')} {...form.getInputProps('dueRule')}>
            <Stack gap="xs" mt={4}>
              <Radio value="days" label={t('wizard.dueRules.days')} />
              <Radio value="date" label={t('wizard.dueRules.date')} />
              <Radio value="none" label={t('wizard.dueRules.none')} />
            </Stack>
          </Radio.Group>
          {form.values.dueRule === 'date' && (
            <TextInput type="date" label={t('wizard.dueDate')} {...form.getInputProps('dueDate')} />
          )}
          {form.values.dueRule === 'days' && (
            <NumberInput
              label={t('wizard.dueInDays')}
              min={0}
              max={3650}
              {...form.getInputProps('dueInDays')}
            />
          )}
          <ReminderFields form={form} />
          <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('cohort.save')}
          </Button>
        </Stack>
      </form>
    </section>
  );
}

/** `/admin/cohorts/:id`: stats, enrollments (overdue highlighted), exemptions, extra attempts, edit, archive. */
export function CohortDetailPage() {
  const { t } = useTranslation('admin');
  const { formatDate } = useFormatters();
  const errorMessage = useErrorMessage();
  const { id } = useParams({ from: '/app/admin/cohorts/$id' });
  const queryClient = useQueryClient();
  const query = useQuery(cohortQuery(id));
  const courses = useQuery(coursesQuery);
  const archive = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/cohorts/{id}/archive', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cohorts'] }),
    onError: (error) => notify(errorMessage(error), 'failure'),
  });

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const cohort = query.data;
  const course = courses.data?.find((c) => c.id === cohort.courseId);

  return (
    <>
      <PageTitle>{cohort.name}</PageTitle>
      <Stack gap="lg">
        <AnchorLink to="/admin/cohorts">{t('cohort.back')}</AnchorLink>
        <Group gap="sm">
          {course && <Text>{t('cohort.courseLine', { title: course.title, code: course.code })}</Text>}
          <Text>
            {cohort.dueDate
              ? t('wizard.review.dueDate', { date: formatDate(cohort.dueDate) })
              : cohort.dueInDays !== null
                ? t('wizard.review.dueInDays', { count: cohort.dueInDays })
                : t('cohorts.noDue')}
          </Text>
          {cohort.archived && (
            <Badge variant="filled" color="gray.7">
              {t('sites.archived')}
            </Badge>
          )}
        </Group>
        <Stats cohort={cohort} />
        <Enrollments cohort={cohort} />
        {!cohort.archived && (
          <>
            <EditCohort cohort={cohort} />
            <ConfirmButton
              variant="outline"
              color="red.9"
              style={{ alignSelf: 'flex-start' }}
              message={t('cohort.archiveMessage', { name: cohort.name })}
              onConfirm={() => archive.mutate()}
            >
              {t('cohort.archive')}
            </ConfirmButton>
          </>
        )}
      </Stack>
    </>
  );
}
