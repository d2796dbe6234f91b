import { type UseFormReturnType, useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { useErrorMessage } from '../../components/error-state.component';
import { type SessionFormValues, sessionFormErrors } from './session-form-values';
import { CONFLICTS_KEY } from './use-conflict-preview.hook';

export type SessionFormState = UseFormReturnType<SessionFormValues>;

/** The session form, with what must be filled in before asking the api. */
export function useSessionForm(initialValues: SessionFormValues): SessionFormState {
  const { t } = useTranslation('admin');
  return useForm<SessionFormValues>({
    initialValues,
    validate: {
      courseId: (value) => (value ? null : t('newSession.required')),
      siteId: (value) => (value ? null : t('newSession.required')),
      date: (value) => (value ? null : t('newSession.required')),
      location: (value) => (value.trim() ? null : t('newSession.required')),
      facilitatorIds: (value) => (value.length > 0 ? null : t('newSession.pickFacilitator')),
    },
  });
}

/**
 * A refused save in words: above the form, and next to each field the api named. A facilitator booked meanwhile
 * refreshes the availability preview instead, which names them (on the field, their name would outlive a new time).
 * `bareConflictIsBooking`: creating a session answers a booking refusal with a 409 naming no field.
 */
export function useSaveProblem(form: SessionFormState, bareConflictIsBooking: boolean) {
  const { t } = useTranslation('admin');
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const show = (error: unknown) => {
    if (error instanceof ApiError && (error.status === 400 || error.status === 409)) {
      const fields = error.fieldErrors;
      const named = Object.keys(fields);
      const booking =
        error.status === 409 &&
        (named.includes('facilitatorIds') || (named.length === 0 && bareConflictIsBooking));
      if (booking) {
        setProblem(t('newSession.bookedMeanwhile'));
        void queryClient.invalidateQueries({ queryKey: CONFLICTS_KEY });
        return;
      }
      form.setErrors(sessionFormErrors(fields));
    }
    setProblem(errorMessage(error));
  };
  return { problem, setProblem, show };
}
