import { Module } from '@nestjs/common';
import { AuthController } from './http/auth.controller';
import { MeController } from './http/me.controller';
import { PlatformUsersController } from './http/platform-users.controller';
import { IdentityModule } from './identity.module';

@Module({ imports: [IdentityModule], controllers: [AuthController, MeController, PlatformUsersController] })
export class IdentityHttpModule {}
