import { Injectable } from '@nestjs/common';
import { Problems } from '@beacon/core/http';
import { RedisClient } from './redis.provider';

/**
 * Refuses (0, ms left) when any counter has reached its limit, else counts the request on every counter (each
 * key's window starts with its first request) and allows it (1, 0). One script, so a parallel burst is counted one
 * request after the other and gets no more than the limit. A refused request is not counted: one exhausted
 * counter must not use up the others' budget.
 * KEYS: the counters. ARGV: window ms, then each counter's limit.
 */
const TAKE = `
for i = 1, #KEYS do
  if tonumber(redis.call('GET', KEYS[i]) or '0') >= tonumber(ARGV[i + 1]) then
    return { 0, redis.call('PTTL', KEYS[i]) }
  end
end
for i = 1, #KEYS do
  redis.call('INCR', KEYS[i])
  if redis.call('PTTL', KEYS[i]) < 0 then redis.call('PEXPIRE', KEYS[i], ARGV[1]) end
end
return { 1, 0 }`;

export interface WindowCounter {
  /** A key made by RedisClient.key, so it carries QUEUE_PREFIX. */
  key: string;
  limit: number;
}

/**
 * Fixed-window request limits kept in Redis, so every api process shares the counts (login, intake, check-in).
 * At a limit the request gets 429 with Retry-After until that counter's window ends.
 */
@Injectable()
export class FixedWindowLimiter {
  constructor(private readonly redis: RedisClient) {}

  /** Counts one request on every counter, or throws 429 when any of them is at its limit. */
  async take(windowMs: number, counters: readonly WindowCounter[]): Promise<void> {
    const [allowed, msLeft] = (await this.redis.client.eval(
      TAKE,
      counters.length,
      ...counters.map((c) => c.key),
      windowMs,
      ...counters.map((c) => c.limit),
    )) as [number, number];
    if (allowed !== 1) throw Problems.tooManyRequests(msLeft > 0 ? msLeft / 1000 : 1);
  }
}
