import { Module } from '@nestjs/common';
import { AuditModule } from '@beacon/audit';
import { NotificationsModule } from '@beacon/notifications';
import { AccessTokenService } from './auth/access-token.service';
import { ActorLoader } from './auth/actor-loader.service';
import { AuthService } from './auth/auth.service';
import { LoginThrottle } from './auth/login-throttle.service';
import { PasswordResetService } from './auth/password-reset.service';
import { SessionService } from './auth/session.service';
import { PasswordHasher } from './crypto/password-hasher.service';
import { IdentityMembershipsRepository } from './identity-memberships.repository';
import { InvitationRepository } from './invitation.repository';
import { InvitationsService } from './invitations.service';
import { MeService } from './me.service';
import { PasswordResetRepository } from './password-reset.repository';
import { PeopleService } from './people.service';
import { FacilitatorsService } from './facilitators/facilitators.service';
import { PlatformUsersService } from './platform-users.service';
import { RefreshTokenRepository } from './refresh-token.repository';
import { UserRepository } from './user.repository';
import { IdentityMailTemplates } from './mail/identity-mail.templates';

@Module({
  imports: [AuditModule, NotificationsModule],
  providers: [
    UserRepository,
    IdentityMembershipsRepository,
    RefreshTokenRepository,
    InvitationRepository,
    PasswordResetRepository,
    PasswordHasher,
    AccessTokenService,
    ActorLoader,
    LoginThrottle,
    SessionService,
    AuthService,
    PasswordResetService,
    InvitationsService,
    PeopleService,
    MeService,
    PlatformUsersService,
    FacilitatorsService,
    IdentityMailTemplates,
  ],
  exports: [
    PeopleService,
    ActorLoader,
    PasswordHasher,
    AccessTokenService,
    AuthService,
    SessionService,
    MeService,
    PasswordResetService,
    PlatformUsersService,
    FacilitatorsService,
  ],
})
export class IdentityModule {}
