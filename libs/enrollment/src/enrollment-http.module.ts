import { Module } from '@nestjs/common';
import { CohortsController } from './http/cohorts.controller';
import { EnrollmentsController } from './http/enrollments.controller';
import { TeamController } from './http/team.controller';
import { EnrollmentModule } from './enrollment.module';

@Module({
  imports: [EnrollmentModule],
  controllers: [CohortsController, EnrollmentsController, TeamController],
})
export class EnrollmentHttpModule {}
