export * from './http/import-slots.service';
export * from './jobs/follow-up-member-import.job';
export * from './organizations-http.module';
export * from './organizations-jobs.module';
export * from './organizations.module';
export * from './reminder-schedule-changed.event';
export * from './reminder-window';
export * from './timezone.validator';
