import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { JwtStrategy } from './auth/jwt.strategy';
import { LocalStrategy } from './auth/local.strategy';
import { AuthController } from './http/auth.controller';
import { BrowserSessions } from './http/browser-sessions.service';
import { FacilitatorsController } from './http/facilitators.controller';
import { MeController } from './http/me.controller';
import { PlatformUsersController } from './http/platform-users.controller';
import { RefreshCookie } from './http/refresh-cookie';
import { IdentityModule } from './identity.module';

/**
 * The api's side of identity. The passport strategies live here, not in IdentityModule: passport keeps them in one
 * process-wide registry, so a worker booted in the same process (tests, benchmarks) that imports identity for its
 * services would otherwise replace the api's strategies with its own, bound to its own database connection.
 */
@Module({
  imports: [IdentityModule, PassportModule],
  providers: [JwtStrategy, LocalStrategy, BrowserSessions, RefreshCookie],
  controllers: [AuthController, MeController, PlatformUsersController, FacilitatorsController],
})
export class IdentityHttpModule {}
