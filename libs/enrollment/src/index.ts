export * from './enrollment-http.module';
export * from './enrollment.module';
export * from './enrollment-sync.service';
