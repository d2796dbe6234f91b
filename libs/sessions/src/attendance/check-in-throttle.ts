import { Injectable } from '@nestjs/common';
import { FixedWindowLimiter, RedisClient } from '@beacon/core/queue';

/** Attempts one person may make at one session's check-in per window: typos, not a search of the codes. */
export const CHECK_IN_MAX_ATTEMPTS = 5;
export const CHECK_IN_THROTTLE_WINDOW_MS = 60_000;

/** Self check-in attempts per person and session: 429 with Retry-After at the limit. */
@Injectable()
export class CheckInThrottle {
  constructor(
    private readonly redis: RedisClient,
    private readonly limiter: FixedWindowLimiter,
  ) {}

  countAttempt(userId: string, sessionId: string): Promise<void> {
    const key = this.redis.key('throttle', 'check-in', sessionId, userId);
    return this.limiter.take(CHECK_IN_THROTTLE_WINDOW_MS, [{ key, limit: CHECK_IN_MAX_ATTEMPTS }]);
  }
}
