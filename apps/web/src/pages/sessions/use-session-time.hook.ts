import { useTranslation } from 'react-i18next';

/**
 * A session's times in the session's own zone, the zone named: a learner reading from another zone (or a
 * facilitator travelling) sees the times of the room, never their device's.
 */
export function useSessionTime(): (session: {
  startsAt: string;
  endsAt: string;
  timezone: string;
}) => string {
  const { t, i18n } = useTranslation('sessions');
  return ({ startsAt, endsAt, timezone }) => {
    const start = new Intl.DateTimeFormat(i18n.language, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone: timezone,
    });
    const end = new Intl.DateTimeFormat(i18n.language, {
      hour: 'numeric',
      minute: '2-digit',
      timeZone: timezone,
      timeZoneName: 'short',
    });
    return t('time', {
      start: start.format(new Date(startsAt)),
      end: end.format(new Date(endsAt)),
      zone: timezone.replace(/_/g, ' '),
    });
  };
}
