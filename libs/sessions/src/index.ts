export * from './mail/session-invite-mail.types';
export * from './mail/session-mail.types';
export * from './sessions/live-session-drafts.service';
export * from './sessions/session-for-request.event';
export * from './mail/session-reminder.types';
export * from './sessions-http.module';
export * from './sessions-jobs.module';
