export * from './organizations-http.module';
export * from './organizations.module';
export * from './timezone.validator';
