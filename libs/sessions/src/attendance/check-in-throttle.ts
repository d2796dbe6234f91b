import { Injectable } from '@nestjs/common';
import { Problems } from '@beacon/core/http';
import { RedisClient } from '@beacon/core/queue';

/** Attempts one person may make at one session's check-in per window: typos, not a search of the codes. */
export const CHECK_IN_MAX_ATTEMPTS = 5;
export const CHECK_IN_THROTTLE_WINDOW_MS = 60_000;

/**
 * Counts the attempt and allows it (1, 0), or refuses (0, ms left) at the limit. One script, as the login
 * throttle's: parallel attempts are counted one after the other, so a burst gets no more than the limit.
 * KEYS: the person's counter at the session. ARGV: window ms, limit.
 */
const COUNT_ATTEMPT = `
if tonumber(redis.call('GET', KEYS[1]) or '0') >= tonumber(ARGV[2]) then
  return { 0, redis.call('PTTL', KEYS[1]) }
end
redis.call('INCR', KEYS[1])
if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { 1, 0 }`;

/** Self check-in attempts per person and session, in Redis like the login throttle: 429 with Retry-After. */
@Injectable()
export class CheckInThrottle {
  constructor(private readonly redis: RedisClient) {}

  async countAttempt(userId: string, sessionId: string): Promise<void> {
    const [allowed, msLeft] = (await this.redis.client.eval(
      COUNT_ATTEMPT,
      1,
      this.redis.key('throttle', 'check-in', sessionId, userId),
      CHECK_IN_THROTTLE_WINDOW_MS,
      CHECK_IN_MAX_ATTEMPTS,
    )) as [number, number];
    if (allowed !== 1) throw Problems.tooManyRequests(msLeft > 0 ? msLeft / 1000 : 1);
  }
}
