import { Module } from '@nestjs/common';
import { OrganizationsModule } from '@beacon/organizations';
import { SessionsHttpModule } from '@beacon/sessions';
import { SessionForRequestListener } from './conversion/session-for-request.listener';
import { TrainingRequestConversionService } from './conversion/training-request-conversion.service';
import { IntakeThrottleGuard } from './http/intake-throttle.guard';
import { PlatformTrainingRequestsController } from './http/platform-training-requests.controller';
import { PublicTrainingRequestsController } from './http/public-training-requests.controller';
import { IntakeModule } from './intake.module';

@Module({
  imports: [IntakeModule, OrganizationsModule, SessionsHttpModule],
  controllers: [PublicTrainingRequestsController, PlatformTrainingRequestsController],
  providers: [IntakeThrottleGuard, TrainingRequestConversionService, SessionForRequestListener],
})
export class IntakeHttpModule {}
