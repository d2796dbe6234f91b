export * from './audit-diff';
export * from './audit-http.module';
export * from './audit.module';
export * from './audit.service';
