export * from './domain-events.service';
export * from './events.module';
