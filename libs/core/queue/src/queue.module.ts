import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { FanOut } from './fan-out.service';
import { FixedWindowLimiter } from './fixed-window-limiter';
import { QueueName } from './queue-names';
import { redisOptionsFromUrl } from './redis-options';
import { RedisClient } from './redis.provider';

@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: redisOptionsFromUrl(config.redisUrl),
        prefix: config.queuePrefix,
      }),
    }),
    // Every queue is registered here, once, so any feature may enqueue onto it and the overview can list them all.
    BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name }))),
  ],
  providers: [RedisClient, FanOut, FixedWindowLimiter],
  exports: [RedisClient, FanOut, FixedWindowLimiter, BullModule],
})
export class QueueModule {}
