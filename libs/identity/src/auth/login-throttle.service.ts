import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { Problems } from '@beacon/core/http';
import { RedisClient } from '@beacon/core/queue';
import { sha256 } from '../crypto/secret-token';

/**
 * Counts failed logins per email and per IP in a fixed window (LOGIN_WINDOW). At LOGIN_MAX_FAILURES for an email
 * (3× that for an IP) further attempts are refused with 429, even with the right password, until the window ends.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly redis: RedisClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private keys(email: string, ip: string): { email: string; ip: string } {
    return {
      email: this.redis.key('throttle', 'login', 'email', sha256(email.toLowerCase())),
      ip: this.redis.key('throttle', 'login', 'ip', sha256(ip)),
    };
  }

  async assertAllowed(email: string, ip: string): Promise<void> {
    const keys = this.keys(email, ip);
    const results = await this.redis.client
      .multi()
      .get(keys.email)
      .pttl(keys.email)
      .get(keys.ip)
      .pttl(keys.ip)
      .exec();
    const [emailCount, emailTtl, ipCount, ipTtl] = (results ?? []).map(([, value]) => Number(value ?? 0));
    const max = this.config.loginMaxFailures;
    if (emailCount >= max) throw Problems.tooManyRequests(emailTtl / 1000);
    if (ipCount >= 3 * max) throw Problems.tooManyRequests(ipTtl / 1000);
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const keys = this.keys(email, ip);
    const window = this.config.loginWindowMs;
    await this.redis.client
      .multi()
      .set(keys.email, 0, 'PX', window, 'NX')
      .incr(keys.email)
      .set(keys.ip, 0, 'PX', window, 'NX')
      .incr(keys.ip)
      .exec();
  }

  async clear(email: string, ip: string): Promise<void> {
    await this.redis.client.del(this.keys(email, ip).email);
  }
}
