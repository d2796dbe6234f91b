import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../api/api-client';
import { unwrap } from '../api/api-error';
import { DEFAULT_IDLE_MINUTES, idleTooLong, markActivity, rememberIdleMinutes } from './activity';
import { signOut } from './session.service';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 5_000;
const MARK_AT_MOST_EVERY_MS = 1_000;

/**
 * Signs out after the organization's idleSignOutMinutes without pointer or key activity in any tab: Beacon runs
 * on shared nursing-station computers. Mounted once, by the signed-in layout.
 */
export function useIdleSignOut(organizationId: string | null): void {
  const { data: minutes } = useQuery({
    queryKey: ['organization', organizationId, 'idleSignOutMinutes'],
    enabled: organizationId !== null,
    queryFn: async () => (await unwrap(api.GET('/api/v1/organization'))).idleSignOutMinutes,
  });
  const limit = organizationId === null ? DEFAULT_IDLE_MINUTES : minutes;

  useEffect(() => {
    if (limit !== undefined) rememberIdleMinutes(limit);
  }, [limit]);

  useEffect(() => {
    let lastMark = 0;
    const onActivity = () => {
      const now = Date.now();
      if (now - lastMark < MARK_AT_MOST_EVERY_MS) return;
      lastMark = now;
      markActivity(now);
    };
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, { passive: true });
    const timer = window.setInterval(() => {
      if (idleTooLong()) void signOut('idle');
    }, CHECK_EVERY_MS);
    return () => {
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity);
      window.clearInterval(timer);
    };
  }, []);
}
