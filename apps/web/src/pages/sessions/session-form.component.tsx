import {
  Alert,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { facilitatorsQuery } from '../platform/training-requests/training-request-detail.component';
import { SessionAvailability } from './session-availability.component';
import { type SessionFormValues, type SessionTimes, sessionTimes } from './session-form-values';
import { type ConflictScope, useConflictPreview } from './use-conflict-preview.hook';
import type { SessionFormState } from './use-session-form.hook';

export interface Choice {
  value: string;
  label: string;
}

/** A pick list, or (`readOnly`) the one value there is, shown but not changeable. */
interface ChoiceField {
  choices: Choice[];
  readOnly?: boolean;
}

interface SessionFormProps {
  form: SessionFormState;
  /** The zone the date and time are read in. */
  zone: string;
  /** Whose zone it is, in words. */
  zoneNote: string;
  course: ChoiceField;
  site: ChoiceField;
  /** Facilitators the session has already, listed even when the facilitator list no longer names them. */
  facilitators?: Choice[];
  conflictScope: ConflictScope;
  submitLabel: string;
  saving: boolean;
  problem: string | null;
  /** The page's own word above the save button (that nothing changed, say). */
  notice?: ReactNode;
  onSave: (values: SessionFormValues, times: SessionTimes) => void;
}

interface ChoiceInputProps {
  label: string;
  field: ChoiceField;
  form: SessionFormState;
  name: 'courseId' | 'siteId';
}

function ChoiceInput({ label, field, form, name }: ChoiceInputProps) {
  if (field.readOnly) {
    const shown = field.choices.find((choice) => choice.value === form.values[name])?.label ?? '';
    return <TextInput label={label} value={shown} readOnly />;
  }
  return <Select label={label} required data={field.choices} {...form.getInputProps(name)} />;
}

/**
 * The fields of a session, new or changed, and the facilitators' availability at its time: saving waits until
 * the preview is about the time on screen and nobody picked is busy then.
 */
export function SessionForm(props: SessionFormProps) {
  const { form, zone, conflictScope, saving, problem, notice, onSave } = props;
  const { t } = useTranslation('admin');
  const facilitators = useQuery(facilitatorsQuery);
  const preview = useConflictPreview(form.values, zone, conflictScope);
  const listed = facilitators.data ?? [];
  const missing = (props.facilitators ?? []).filter((known) => !listed.some((f) => f.id === known.value));
  const submit = form.onSubmit((values) => {
    const times = sessionTimes(values, zone);
    if (times) onSave(values, times);
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <ChoiceInput label={t('newSession.course')} field={props.course} form={form} name="courseId" />
          <ChoiceInput label={t('newSession.site')} field={props.site} form={form} name="siteId" />
        </SimpleGrid>
        <Paper withBorder p="sm" radius="md" component="fieldset">
          <Text component="legend" fw={600} px={4}>
            {t('newSession.when', { zone })}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput type="date" label={t('newSession.date')} required {...form.getInputProps('date')} />
            <TextInput
              type="time"
              label={t('newSession.startTime')}
              required
              {...form.getInputProps('time')}
            />
            <NumberInput
              label={t('newSession.duration')}
              min={15}
              max={24 * 60}
              step={15}
              allowDecimal={false}
              required
              {...form.getInputProps('durationMinutes')}
            />
          </SimpleGrid>
          <Text size="sm" mt="xs">
            {props.zoneNote}
          </Text>
        </Paper>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('newSession.location')}
            required
            maxLength={500}
            {...form.getInputProps('location')}
          />
          <NumberInput
            label={t('newSession.capacity')}
            min={1}
            max={1000}
            allowDecimal={false}
            required
            {...form.getInputProps('capacity')}
          />
        </SimpleGrid>
        <MultiSelect
          label={t('newSession.facilitators')}
          required
          searchable
          maxValues={10}
          data={[...listed.map((f) => ({ value: f.id, label: f.name })), ...missing]}
          {...form.getInputProps('facilitatorIds')}
        />
        <SessionAvailability preview={preview} zone={zone} />
        {notice}
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={saving} disabled={preview.busy || !preview.settled}>
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
