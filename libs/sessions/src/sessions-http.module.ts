import { Module } from '@nestjs/common';
import { AuditModule } from '@beacon/audit';
import { IdentityModule } from '@beacon/identity';
import { NotificationsModule } from '@beacon/notifications';
import { SessionInviteRepository } from './calendar/session-invite.repository';
import { SessionInvitesService } from './calendar/session-invites.service';
import { LiveSessionCalendarController } from './http/live-session-calendar.controller';
import { LiveSessionsController } from './http/live-sessions.controller';
import { MyLiveSessionsController } from './http/my-live-sessions.controller';
import { SessionMailTemplates } from './mail/session-mail.templates';
import { RegistrationRepository } from './registrations/registration.repository';
import { RegistrationsService } from './registrations/registrations.service';
import { LiveSessionRepository } from './sessions/live-session.repository';
import { LiveSessionsService } from './sessions/live-sessions.service';
import { SessionScope } from './sessions/session-scope';

/** Live sessions: scheduling, facilitators' bookings, registrations and the waitlist. */
@Module({
  imports: [AuditModule, IdentityModule, NotificationsModule],
  providers: [
    LiveSessionRepository,
    SessionScope,
    LiveSessionsService,
    RegistrationRepository,
    RegistrationsService,
    SessionMailTemplates,
    SessionInviteRepository,
    SessionInvitesService,
  ],
  controllers: [LiveSessionsController, LiveSessionCalendarController, MyLiveSessionsController],
})
export class SessionsHttpModule {}
