import { Module } from '@nestjs/common';
import { AuditModule } from '@beacon/audit';
import { EnrollmentModule } from '@beacon/enrollment';
import { IdentityModule } from '@beacon/identity';
import { NotificationsModule } from '@beacon/notifications';
import { AttendanceRepository } from './attendance/attendance.repository';
import { AttendanceService } from './attendance/attendance.service';
import { CheckInThrottle } from './attendance/check-in-throttle';
import { SessionInviteRepository } from './calendar/session-invite.repository';
import { SessionInvitesService } from './calendar/session-invites.service';
import { LiveSessionConflictRepository } from './conflicts/live-session-conflict.repository';
import { LiveSessionConflictsService } from './conflicts/live-session-conflicts.service';
import { AttendanceController } from './http/attendance.controller';
import { LiveSessionChangesController } from './http/live-session-changes.controller';
import { LiveSessionCalendarController } from './http/live-session-calendar.controller';
import { LiveSessionConflictsController } from './http/live-session-conflicts.controller';
import { LiveSessionRosterController } from './http/live-session-roster.controller';
import { LiveSessionsController } from './http/live-sessions.controller';
import { MyLiveSessionRegistrationController } from './http/my-live-session-registration.controller';
import { MyLiveSessionsController } from './http/my-live-sessions.controller';
import { SessionMailTemplates } from './mail/session-mail.templates';
import { RegistrationRepository } from './registrations/registration.repository';
import { RegistrationsService } from './registrations/registrations.service';
import { LiveSessionChangesRepository } from './sessions/live-session-changes.repository';
import { LiveSessionDraftsService } from './sessions/live-session-drafts.service';
import { LiveSessionUpdatesService } from './sessions/live-session-updates.service';
import { RosterRepository } from './roster/roster.repository';
import { RosterService } from './roster/roster.service';
import { LiveSessionRepository } from './sessions/live-session.repository';
import { LiveSessionsService } from './sessions/live-sessions.service';
import { SessionScope } from './sessions/session-scope';

/** Live sessions: scheduling, facilitators' bookings, registrations and the waitlist, attendance and its credit. */
@Module({
  imports: [AuditModule, EnrollmentModule, IdentityModule, NotificationsModule],
  providers: [
    LiveSessionRepository,
    SessionScope,
    LiveSessionsService,
    RegistrationRepository,
    RegistrationsService,
    SessionMailTemplates,
    SessionInviteRepository,
    SessionInvitesService,
    AttendanceRepository,
    AttendanceService,
    CheckInThrottle,
    LiveSessionChangesRepository,
    LiveSessionDraftsService,
    LiveSessionUpdatesService,
    RosterRepository,
    RosterService,
    LiveSessionConflictRepository,
    LiveSessionConflictsService,
  ],
  controllers: [
    LiveSessionConflictsController,
    LiveSessionsController,
    LiveSessionCalendarController,
    MyLiveSessionsController,
    AttendanceController,
    LiveSessionChangesController,
    LiveSessionRosterController,
    MyLiveSessionRegistrationController,
  ],
  // Converting a training request drafts its session (libs/intake).
  exports: [LiveSessionDraftsService],
})
export class SessionsHttpModule {}
