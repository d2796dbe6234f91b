export * from './fan-out.service';
export * from './job-options';
export * from './job-schedules';
export * from './queue-names';
export * from './queue.module';
export * from './redis-options';
export * from './redis.provider';
export * from './job-failure.log';
