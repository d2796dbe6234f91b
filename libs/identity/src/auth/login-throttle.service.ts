import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { Problems } from '@beacon/core/http';
import { RedisClient } from '@beacon/core/queue';
import { sha256 } from '../crypto/secret-token';

/**
 * Refuses (0, ms left) when either counter has reached its limit, else counts the attempt on both (each key's
 * window starts with its first attempt) and allows it (1, 0). One script, so parallel attempts are counted one
 * after the other and a burst cannot get more password checks than the limit. Refused attempts are not counted:
 * a locked email must not use up its IP's budget.
 * KEYS: email, ip. ARGV: window ms, email limit, ip limit.
 */
const COUNT_ATTEMPT = `
local limits = { tonumber(ARGV[2]), tonumber(ARGV[3]) }
for i = 1, 2 do
  if tonumber(redis.call('GET', KEYS[i]) or '0') >= limits[i] then
    return { 0, redis.call('PTTL', KEYS[i]) }
  end
end
for i = 1, 2 do
  redis.call('INCR', KEYS[i])
  if redis.call('PTTL', KEYS[i]) < 0 then redis.call('PEXPIRE', KEYS[i], ARGV[1]) end
end
return { 1, 0 }`;

/** Clears the email's counter and takes its attempts back off the IP's. KEYS: email, ip. */
const GIVE_BACK = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
redis.call('DEL', KEYS[1])
local ip = tonumber(redis.call('GET', KEYS[2]) or '0')
if ip > 0 and count > 0 then redis.call('DECRBY', KEYS[2], math.min(ip, count)) end
return 1`;

/**
 * Counts login attempts per email (LOGIN_MAX_FAILURES) and per IP (LOGIN_MAX_FAILURES_PER_IP) in a fixed window
 * (LOGIN_WINDOW). Every attempt is counted before its password is checked; a successful one gives its email's
 * attempts back, so the staff of a hospital behind one address are not locked out by each other's sign-ins. At a
 * limit, attempts get 429 with Retry-After, even with the right password, until the window ends.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly redis: RedisClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private keys(email: string, ip: string): [string, string] {
    return [
      this.redis.key('throttle', 'login', 'email', sha256(email.toLowerCase())),
      this.redis.key('throttle', 'login', 'ip', sha256(ip)),
    ];
  }

  /** Counts the attempt, or throws 429 when the email or the IP is at its limit. */
  async countAttempt(email: string, ip: string): Promise<void> {
    const [allowed, msLeft] = (await this.redis.client.eval(
      COUNT_ATTEMPT,
      2,
      ...this.keys(email, ip),
      this.config.loginWindowMs,
      this.config.loginMaxFailures,
      this.config.loginMaxFailuresPerIp,
    )) as [number, number];
    if (allowed !== 1) throw Problems.tooManyRequests(msLeft > 0 ? msLeft / 1000 : 1);
  }

  async succeeded(email: string, ip: string): Promise<void> {
    await this.redis.client.eval(GIVE_BACK, 2, ...this.keys(email, ip));
  }
}
