export * from './intake-http.module';
export * from './intake.module';
