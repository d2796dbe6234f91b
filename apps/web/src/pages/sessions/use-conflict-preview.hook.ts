import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/api-client';
import { unwrap } from '../../api/api-error';
import { type SessionFormValues, sessionTimes } from './session-form-values';
import { SESSIONS_KEY } from './sessions.queries';

/** Whose bookings do not count, and (for a platform admin, whose token names none) the organization. */
export interface ConflictScope {
  excludeSessionId?: string;
  organizationId?: string;
}

/** Every preview's key starts so: a refused save refreshes them all. */
export const CONFLICTS_KEY = [...SESSIONS_KEY, 'conflicts'] as const;

/**
 * The facilitators' bookings the form's time would collide with, asked once typing pauses. `settled` says the
 * answer is about what is on screen now: until the debounce catches up, it is about an earlier time.
 */
export function useConflictPreview(values: SessionFormValues, zone: string, scope: ConflictScope) {
  const times = sessionTimes(values, zone);
  const [probe] = useDebouncedValue(
    times && values.facilitatorIds.length > 0 ? { ...times, facilitatorIds: values.facilitatorIds } : null,
    400,
  );
  const conflicts = useQuery({
    queryKey: [...CONFLICTS_KEY, probe, scope],
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/live-sessions/conflicts', {
            params: {
              query: {
                facilitatorIds: probe?.facilitatorIds ?? [],
                startsAt: probe?.startsAt ?? '',
                endsAt: probe?.endsAt ?? '',
                ...scope,
              },
            },
          }),
        )
      ).items,
    enabled: probe !== null,
    placeholderData: keepPreviousData,
  });
  const busy = probe !== null && (conflicts.data?.length ?? 0) > 0;
  const settled =
    probe !== null &&
    times !== null &&
    probe.startsAt === times.startsAt &&
    probe.endsAt === times.endsAt &&
    probe.facilitatorIds.join() === values.facilitatorIds.join() &&
    conflicts.isSuccess &&
    !conflicts.isPlaceholderData;
  return { asked: probe !== null, conflicts, busy, settled };
}
