import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
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
  ],
  providers: [RedisClient],
  exports: [RedisClient],
})
export class QueueModule {}
