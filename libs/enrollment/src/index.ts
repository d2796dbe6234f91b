export * from './enrollment-http.module';
export * from './enrollment.module';
export * from './enrollment-sync.service';
// The definitions of cohort stats, for the compliance summary (numbers must agree with cohort stats).
export { completionRate } from './completion-rate';
// The one definition of an enrollment's current cycle and of overdue, for reports over enrollments.
export { currentCycleBulkCte, currentCycleCte, enrollmentOverdue } from './enrollment.sql';
export { LiveSessionCreditService, type LiveSessionCredit } from './live-session-credit.service';
