export * from './mail/reminder-mail.types';
export * from './reminder-sweep.job';
export * from './reminders-jobs.module';
export * from './reminders.module';
