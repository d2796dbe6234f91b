import { Module } from '@nestjs/common';
import { SessionMailTemplates } from './mail/session-mail.templates';

/** The worker's side: it renders the live sessions' mail. */
@Module({ providers: [SessionMailTemplates] })
export class SessionsJobsModule {}
