import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { AuditHttpModule } from '@beacon/audit';
import { CatalogHttpModule } from '@beacon/catalog';
import { CertificatesHttpModule } from '@beacon/certificates';
import { ComplianceHttpModule } from '@beacon/compliance';
import { ConfigModule } from '@beacon/core/config';
import { DatabaseModule } from '@beacon/core/database';
import { EventsModule } from '@beacon/core/events';
import {
  AccessGuard,
  ActorContextInterceptor,
  createValidationPipe,
  LoggingModule,
  ProblemFilter,
} from '@beacon/core/http';
import { MailModule } from '@beacon/core/mail';
import { QueueModule } from '@beacon/core/queue';
import { ClockModule } from '@beacon/core/time';
import { EnrollmentHttpModule } from '@beacon/enrollment';
import { IdentityHttpModule, JwtAuthGuard } from '@beacon/identity';
import { IntakeHttpModule } from '@beacon/intake';
import { NotificationsHttpModule } from '@beacon/notifications';
import { OrganizationsHttpModule } from '@beacon/organizations';
import { RemindersModule } from '@beacon/reminders';
import { SessionsHttpModule } from '@beacon/sessions';
import { HealthController } from './health.controller';

@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    DatabaseModule,
    QueueModule,
    MailModule,
    EventsModule,
    ClockModule,
    IdentityHttpModule,
    OrganizationsHttpModule,
    NotificationsHttpModule,
    AuditHttpModule,
    CatalogHttpModule,
    EnrollmentHttpModule,
    CertificatesHttpModule,
    ComplianceHttpModule,
    SessionsHttpModule,
    IntakeHttpModule,
    // Reminder templates, and the subscriber that moves held reminders when a request changes the window.
    RemindersModule,
  ],
  controllers: [HealthController],
  providers: [
    // Order matters: authenticate, then check roles; the interceptor then publishes the actor to async context.
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_INTERCEPTOR, useClass: ActorContextInterceptor },
    { provide: APP_FILTER, useClass: ProblemFilter },
    { provide: APP_PIPE, useFactory: createValidationPipe },
  ],
})
export class AppModule {}
