import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Problems } from '@beacon/core/http';
import { RedisClient } from '@beacon/core/queue';

/**
 * Refuses (0, ms left) at the limit, else counts the request and allows it (1, 0); the window starts with the
 * first request. One script, so a parallel burst is counted one request after the other.
 * KEYS: the counter. ARGV: window ms, limit.
 */
const COUNT = `
if tonumber(redis.call('GET', KEYS[1]) or '0') >= tonumber(ARGV[2]) then
  return { 0, redis.call('PTTL', KEYS[1]) }
end
redis.call('INCR', KEYS[1])
if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return { 1, 0 }`;

const LIMIT = 10;
const WINDOW_MS = 60_000;

/**
 * At most 10 intake requests per IP a minute (API.md), in Redis so every api process shares the count, like the
 * login throttle (whose script this is, with one counter). The IP is hashed: no address is kept in Redis.
 */
@Injectable()
export class IntakeThrottle {
  constructor(private readonly redis: RedisClient) {}

  async count(ip: string): Promise<void> {
    const key = this.redis.key('throttle', 'intake', 'ip', createHash('sha256').update(ip).digest('hex'));
    const [allowed, msLeft] = (await this.redis.client.eval(COUNT, 1, key, WINDOW_MS, LIMIT)) as [
      number,
      number,
    ];
    if (allowed !== 1) throw Problems.tooManyRequests(msLeft > 0 ? msLeft / 1000 : 1);
  }
}
