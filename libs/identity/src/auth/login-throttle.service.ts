import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { FixedWindowLimiter, RedisClient } from '@beacon/core/queue';
import { sha256 } from '../crypto/secret-token';

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
    private readonly limiter: FixedWindowLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private keys(email: string, ip: string): [string, string] {
    return [
      this.redis.key('throttle', 'login', 'email', sha256(email.toLowerCase())),
      this.redis.key('throttle', 'login', 'ip', sha256(ip)),
    ];
  }

  /**
   * Counts the attempt, or throws 429 when the email or the IP is at its limit. A refused attempt is not counted:
   * a locked email must not use up its IP's budget.
   */
  countAttempt(email: string, ip: string): Promise<void> {
    const [emailKey, ipKey] = this.keys(email, ip);
    return this.limiter.take(this.config.loginWindowMs, [
      { key: emailKey, limit: this.config.loginMaxFailures },
      { key: ipKey, limit: this.config.loginMaxFailuresPerIp },
    ]);
  }

  async succeeded(email: string, ip: string): Promise<void> {
    await this.redis.client.eval(GIVE_BACK, 2, ...this.keys(email, ip));
  }
}
