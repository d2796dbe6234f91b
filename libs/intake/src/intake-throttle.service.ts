import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { FixedWindowLimiter, RedisClient } from '@beacon/core/queue';

const LIMIT = 10;
const WINDOW_MS = 60_000;

/** At most 10 intake requests per IP a minute (API.md). The IP is hashed: no address is kept in Redis. */
@Injectable()
export class IntakeThrottle {
  constructor(
    private readonly redis: RedisClient,
    private readonly limiter: FixedWindowLimiter,
  ) {}

  count(ip: string): Promise<void> {
    const key = this.redis.key('throttle', 'intake', 'ip', createHash('sha256').update(ip).digest('hex'));
    return this.limiter.take(WINDOW_MS, [{ key, limit: LIMIT }]);
  }
}
