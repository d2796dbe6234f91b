export * from './enrollment-http.module';
export * from './enrollment.module';
export * from './enrollment-sync.service';
// The one definition of an enrollment's current cycle and of overdue, for reports over enrollments.
export { currentCycleCte, enrollmentOverdue } from './enrollment.sql';
