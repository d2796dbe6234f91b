import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { redisOptionsFromUrl } from './redis-options';

/** The app's own Redis connection (throttling, health); every key it writes starts with QUEUE_PREFIX. */
@Injectable()
export class RedisClient implements OnApplicationShutdown {
  readonly client: Redis;
  readonly prefix: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.client = new Redis({
      ...redisOptionsFromUrl(config.redisUrl),
      maxRetriesPerRequest: 2,
      lazyConnect: false,
    });
    this.prefix = config.queuePrefix;
  }

  key(...parts: string[]): string {
    return [this.prefix, ...parts].join(':');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}
