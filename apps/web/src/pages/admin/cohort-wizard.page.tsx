import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  MultiSelect,
  NumberInput,
  Radio,
  Select,
  Stack,
  Stepper,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { ApiError, unwrap } from '../../api/api-error';
import { useErrorMessage } from '../../components/error-state.component';
import { PageTitle } from '../../components/page-title.component';
import { coursesQuery, type CohortTarget, DEFAULT_REMINDERS, parseDays } from './cohort.queries';
import { ROLES } from './member-fields';
import { departmentsQuery, sitesQuery } from './structure.queries';
import { TargetPreview } from './target-preview.component';
import { notify } from './notify';

type Role = (typeof ROLES)[number];

interface WizardValues {
  name: string;
  courseId: string | null;
  siteIds: string[];
  departmentIds: string[];
  jobTitles: string[];
  roles: string[];
  dueRule: 'date' | 'days' | 'none';
  dueDate: string;
  dueInDays: number | string;
  recurring: boolean;
  intervalMonths: number | string;
  beforeDueDays: string;
  overdueEveryDays: number | string;
  escalateAfterDays: number | string;
}

const STEP_FIELDS: Array<Array<keyof WizardValues | string>> = [
  ['name', 'courseId'],
  ['target', 'siteIds', 'departmentIds', 'jobTitles', 'roles'],
  ['dueDate', 'dueInDays'],
  ['recurrence', 'intervalMonths'],
  ['reminders', 'beforeDueDays', 'overdueEveryDays', 'escalateAfterDays'],
];

function targetOf(values: WizardValues): CohortTarget {
  return {
    siteIds: values.siteIds,
    departmentIds: values.departmentIds,
    jobTitles: values.jobTitles,
    roles: values.roles as Role[],
  };
}

/** The api names fields by the request body; the wizard's fields are flat. */
function wizardErrors(fieldErrors: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(fieldErrors)) {
    const flat = field.replace(/^(target|reminders|recurrence)\./, '').replace(/\.\d+$/, '');
    errors[flat] = errors[flat] ? `${errors[flat]}; ${message}` : message;
  }
  return errors;
}

/** `/admin/cohorts/new`: course → who → due rule → recurrence → reminders → review and create. */
export function CohortWizardPage() {
  const { t } = useTranslation('admin');
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const narrow = useMediaQuery('(max-width: 48em)');
  const [step, setStep] = useState(0);
  const courses = useQuery(coursesQuery);
  const sites = useQuery(sitesQuery());
  const departments = useQuery(departmentsQuery());
  const form = useForm<WizardValues>({
    initialValues: {
      name: '',
      courseId: null,
      siteIds: [],
      departmentIds: [],
      jobTitles: [],
      roles: [],
      dueRule: 'days',
      dueDate: '',
      dueInDays: 30,
      recurring: false,
      intervalMonths: 12,
      beforeDueDays: DEFAULT_REMINDERS.beforeDueDays.join(', '),
      overdueEveryDays: DEFAULT_REMINDERS.overdueEveryDays,
      escalateAfterDays: DEFAULT_REMINDERS.escalateAfterDays,
    },
    validate: (values) => {
      const errors: Record<string, string> = {};
      if (step === 0) {
        if (!values.name.trim()) errors.name = t('wizard.required');
        if (!values.courseId) errors.courseId = t('wizard.required');
      }
      if (step === 2 && values.dueRule === 'date' && !values.dueDate) errors.dueDate = t('wizard.required');
      if (step === 2 && values.dueRule === 'days' && values.dueInDays === '')
        errors.dueInDays = t('wizard.required');
      if (step === 4 && parseDays(values.beforeDueDays).some((d) => !Number.isInteger(d) || d < 1))
        errors.beforeDueDays = t('wizard.daysList');
      return errors;
    },
  });
  const values = form.values;
  const courseTitle = courses.data?.find((c) => c.id === values.courseId)?.title ?? '';
  // With one course in the catalog (HT-101 today) there is nothing to choose: it is chosen.
  const onlyCourse = courses.data?.length === 1 ? courses.data[0].id : null;
  const { setFieldValue } = form;
  useEffect(() => {
    if (onlyCourse && !values.courseId) setFieldValue('courseId', onlyCourse);
  }, [onlyCourse, values.courseId, setFieldValue]);

  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/cohorts', {
          body: {
            name: values.name.trim(),
            courseId: values.courseId ?? '',
            target: targetOf(values),
            ...(values.dueRule === 'date' ? { dueDate: values.dueDate } : {}),
            ...(values.dueRule === 'days' ? { dueInDays: Number(values.dueInDays) } : {}),
            ...(values.recurring ? { recurrence: { intervalMonths: Number(values.intervalMonths) } } : {}),
            reminders: {
              beforeDueDays: parseDays(values.beforeDueDays),
              overdueEveryDays: Number(values.overdueEveryDays),
              escalateAfterDays: Number(values.escalateAfterDays),
            },
          },
        }),
      ),
    onSuccess: async (cohort) => {
      await queryClient.invalidateQueries({ queryKey: ['cohorts'] });
      notify(t('wizard.created', { count: cohort.enrolledCount }));
      await navigate({ to: '/admin/cohorts/$id', params: { id: cohort.id } });
    },
    onError: (error) => {
      if (!(error instanceof ApiError) || error.status !== 400) return;
      const errors = wizardErrors(error.fieldErrors);
      form.setErrors(errors);
      const first = STEP_FIELDS.findIndex((fields) => fields.some((field) => field in errors));
      if (first >= 0) setStep(first);
    },
  });

  const next = () => {
    if (!form.validate().hasErrors) setStep((current) => Math.min(current + 1, 5));
  };
  const back = () => setStep((current) => Math.max(current - 1, 0));

  return (
    <>
      <PageTitle>{t('wizard.title')}</PageTitle>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (step < 5) next();
          else create.mutate();
        }}
      >
        <Stepper
          active={step}
          onStepClick={(target) => target < step && setStep(target)}
          orientation={narrow ? 'vertical' : 'horizontal'}
          size="sm"
          // Six steps do not fit one row beside the navigation: they wrap instead of widening the page.
          styles={{
            steps: { flexWrap: 'wrap', rowGap: 'var(--mantine-spacing-sm)' },
            separator: { minWidth: 16 },
          }}
        >
          <Stepper.Step label={t('wizard.steps.course')}>
            <Stack maw={560} mt="md">
              <Title order={2} size="h4">
                {t('wizard.steps.course')}
              </Title>
              <Select
                label={t('wizard.course')}
                allowDeselect={false}
                data={(courses.data ?? []).map((c) => ({ value: c.id, label: `${c.title} (${c.code})` }))}
                searchable
                {...form.getInputProps('courseId')}
              />
              <TextInput label={t('wizard.name')} {...form.getInputProps('name')} />
            </Stack>
          </Stepper.Step>
          <Stepper.Step label={t('wizard.steps.target')}>
            <Stack maw={560} mt="md">
              <Title order={2} size="h4">
                {t('wizard.steps.target')}
              </Title>
              <Text size="sm">{t('wizard.targetHelp')}</Text>
              <MultiSelect
                label={t('wizard.sites')}
                data={(sites.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
                searchable
                {...form.getInputProps('siteIds')}
              />
              <MultiSelect
                label={t('wizard.departments')}
                data={(departments.data ?? []).map((d) => ({
                  value: d.id,
                  label: `${d.name} · ${sites.data?.find((s) => s.id === d.siteId)?.name ?? ''}`,
                }))}
                searchable
                {...form.getInputProps('departmentIds')}
              />
              <TagsInput
                label={t('wizard.jobTitles')}
                description={t('wizard.jobTitlesHelp')}
                {...form.getInputProps('jobTitles')}
              />
              <Checkbox.Group label={t('wizard.roles')} {...form.getInputProps('roles')}>
                <Group gap="sm" mt={4}>
                  {ROLES.map((role) => (
                    <Checkbox key={role} value={role} label={t(`roles.${role}`)} />
                  ))}
                </Group>
              </Checkbox.Group>
              <TargetPreview target={targetOf(values)} />
            </Stack>
          </Stepper.Step>
          <Stepper.Step label={t('wizard.steps.due')}>
            <Stack maw={560} mt="md">
              <Title order={2} size="h4">
                {t('wizard.steps.due')}
              </Title>
              <Radio.Group label={t('wizard.dueRule')} {...form.getInputProps('dueRule')}>
                <Stack gap="xs" mt={4}>
                  <Radio value="days" label={t('wizard.dueRules.days')} />
                  <Radio value="date" label={t('wizard.dueRules.date')} />
                  <Radio value="none" label={t('wizard.dueRules.none')} />
                </Stack>
              </Radio.Group>
              {values.dueRule === 'date' && (
                <TextInput type="date" label={t('wizard.dueDate')} {...form.getInputProps('dueDate')} />
              )}
              {values.dueRule === 'days' && (
                <NumberInput
                  label={t('wizard.dueInDays')}
                  min={0}
                  max={3650}
                  {...form.getInputProps('dueInDays')}
                />
              )}
            </Stack>
          </Stepper.Step>
          <Stepper.Step label={t('wizard.steps.recurrence')}>
            <Stack maw={560} mt="md">
              <Title order={2} size="h4">
                {t('wizard.steps.recurrence')}
              </Title>
              <Checkbox
                label={t('wizard.recurring')}
                description={t('wizard.recurringHelp')}
                {...form.getInputProps('recurring', { type: 'checkbox' })}
              />
              {values.recurring && (
                <NumberInput
                  label={t('wizard.intervalMonths')}
                  min={1}
                  max={120}
                  {...form.getInputProps('intervalMonths')}
                />
              )}
            </Stack>
          </Stepper.Step>
          <Stepper.Step label={t('wizard.steps.reminders')}>
            <Stack maw={560} mt="md">
              <Title order={2} size="h4">
                {t('wizard.steps.reminders')}
              </Title>
              <ReminderFields form={form} />
            </Stack>
          </Stepper.Step>
          <Stepper.Completed>
            <Stack maw={560} mt="md">
              <Title order={2} size="h4">
                {t('wizard.steps.review')}
              </Title>
              <List>
                <List.Item>{t('wizard.review.name', { name: values.name })}</List.Item>
                <List.Item>{t('wizard.review.course', { title: courseTitle })}</List.Item>
                <List.Item>
                  {values.dueRule === 'date'
                    ? t('wizard.review.dueDate', { date: values.dueDate })
                    : values.dueRule === 'days'
                      ? t('wizard.review.dueInDays', { count: Number(values.dueInDays) })
                      : t('cohorts.noDue')}
                </List.Item>
                <List.Item>
                  {values.recurring
                    ? t('wizard.review.recurring', { count: Number(values.intervalMonths) })
                    : t('wizard.review.once')}
                </List.Item>
                <List.Item>
                  {t('wizard.review.reminders', {
                    days: values.beforeDueDays,
                    every: values.overdueEveryDays,
                    escalate: values.escalateAfterDays,
                  })}
                </List.Item>
              </List>
              <TargetPreview target={targetOf(values)} />
              {create.isError && (
                <Alert color="red" role="alert">
                  {errorMessage(create.error)}
                </Alert>
              )}
            </Stack>
          </Stepper.Completed>
        </Stepper>
        <Group mt="xl">
          {step > 0 && (
            <Button variant="default" onClick={back}>
              {t('wizard.back')}
            </Button>
          )}
          {step < 5 ? (
            <Button type="submit">{t('wizard.next')}</Button>
          ) : (
            <Button type="submit" loading={create.isPending}>
              {t('wizard.create')}
            </Button>
          )}
        </Group>
      </form>
    </>
  );
}

/** The reminder policy's three fields; the detail page's edit form uses them too. */
export function ReminderFields({
  form,
}: {
  form: {
    getInputProps: (path: 'beforeDueDays' | 'overdueEveryDays' | 'escalateAfterDays') => object;
  };
}) {
  const { t } = useTranslation('admin');
  return (
    <>
      <TextInput
        label={t('wizard.beforeDueDays')}
        description={t('wizard.beforeDueDaysHelp')}
        {...form.getInputProps('beforeDueDays')}
      />
      <NumberInput
        label={t('wizard.overdueEveryDays')}
        min={1}
        max={365}
        {...form.getInputProps('overdueEveryDays')}
      />
      <NumberInput
        label={t('wizard.escalateAfterDays')}
        min={0}
        max={365}
        {...form.getInputProps('escalateAfterDays')}
      />
    </>
  );
}
