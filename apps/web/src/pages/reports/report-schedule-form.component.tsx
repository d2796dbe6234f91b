import { Button, Checkbox, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { ErrorState, useErrorMessage } from '../../components/error-state.component';
import { notify } from '../admin/notify';
import {
  createSchedule,
  fetchRecipients,
  RECIPIENTS_KEY,
  SCHEDULE_FREQUENCIES,
  SCHEDULE_TYPES,
  SCHEDULES_KEY,
  type ScheduleFrequency,
  type ScheduleType,
} from './report-schedules.queries';
import { ReportKindFields } from './report-kind-fields.component';
import type { ReportFormat } from './reports.queries';

/** Schedules a report: what, how often, and who among the people allowed to receive it (staff, and oneself). */
export function ReportScheduleForm() {
  const { t } = useTranslation('schedules');
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [type, setType] = useState<ScheduleType>('compliance');
  const [format, setFormat] = useState<ReportFormat>('xlsx');
  const [frequency, setFrequency] = useState<ScheduleFrequency>('weekly');
  const [recipients, setRecipients] = useState<string[]>([]);
  const [recipientsError, setRecipientsError] = useState<string | null>(null);
  const eligible = useQuery({ queryKey: RECIPIENTS_KEY, queryFn: fetchRecipients });
  const create = useMutation({
    mutationFn: () => createSchedule({ type, format, frequency, recipients }),
    onSuccess: async () => {
      setRecipients([]);
      setRecipientsError(null);
      await queryClient.invalidateQueries({ queryKey: SCHEDULES_KEY });
      notify(t('form.created'));
    },
    onError: (error) => {
      const fieldError = error instanceof ApiError ? error.fieldErrors.recipients : undefined;
      if (fieldError) setRecipientsError(fieldError);
      else notify(errorMessage(error), 'failure');
    },
  });

  return (
    <section aria-labelledby="schedule-form-title">
      <Title order={2} size="h4" id="schedule-form-title" mb="sm">
        {t('form.title')}
      </Title>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (recipients.length === 0) {
            setRecipientsError(t('form.recipientsRequired'));
            return;
          }
          create.mutate();
        }}
      >
        <Stack gap="md">
          <Group align="flex-end" gap="md">
            <ReportKindFields
              types={SCHEDULE_TYPES}
              type={type}
              onTypeChange={setType}
              format={format}
              onFormatChange={setFormat}
              words={{
                type: t('form.type'),
                format: t('form.format'),
                typeName: (value) => t(`types.${value}`),
                formatName: (value) => t(`formats.${value}`),
              }}
            />
            <NativeSelect
              label={t('form.frequency')}
              value={frequency}
              onChange={(event) => setFrequency(event.currentTarget.value as ScheduleFrequency)}
              data={SCHEDULE_FREQUENCIES.map((value) => ({ value, label: t(`frequencies.${value}`) }))}
              w={{ base: '100%', xs: 220 }}
            />
          </Group>
          {eligible.isPending ? (
            <Text role="status">{t('form.recipientsLoading')}</Text>
          ) : eligible.isError ? (
            <ErrorState error={eligible.error} onRetry={() => void eligible.refetch()} />
          ) : (
            <Checkbox.Group
              label={t('form.recipients')}
              description={t('form.recipientsHint')}
              value={recipients}
              onChange={(value) => {
                setRecipients(value);
                setRecipientsError(null);
              }}
              error={recipientsError}
            >
              <Stack gap={6} mt={6}>
                {eligible.data.items.map((person) => (
                  <Checkbox
                    key={person.memberId}
                    value={person.email}
                    label={`${person.name} (${person.email})`}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
          <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('form.submit')}
          </Button>
        </Stack>
      </form>
    </section>
  );
}
