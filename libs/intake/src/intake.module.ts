import { Module } from '@nestjs/common';
import { NotificationsModule } from '@beacon/notifications';
import { IntakeThrottle } from './intake-throttle.service';
import { IntakeMailTemplates } from './mail/intake-mail.templates';
import { TrainingRequestRepository } from './training-request.repository';
import { TrainingRequestsService } from './training-requests.service';

/** Training requests and their mail; the worker loads it for the templates. */
@Module({
  imports: [NotificationsModule],
  providers: [TrainingRequestRepository, TrainingRequestsService, IntakeThrottle, IntakeMailTemplates],
  exports: [TrainingRequestsService, TrainingRequestRepository, IntakeThrottle],
})
export class IntakeModule {}
