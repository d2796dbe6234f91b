import { Module } from '@nestjs/common';
import { IntakeThrottleGuard } from './http/intake-throttle.guard';
import { PlatformTrainingRequestsController } from './http/platform-training-requests.controller';
import { PublicTrainingRequestsController } from './http/public-training-requests.controller';
import { IntakeModule } from './intake.module';

@Module({
  imports: [IntakeModule],
  controllers: [PublicTrainingRequestsController, PlatformTrainingRequestsController],
  providers: [IntakeThrottleGuard],
})
export class IntakeHttpModule {}
