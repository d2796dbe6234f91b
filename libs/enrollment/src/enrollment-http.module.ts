import { Module } from '@nestjs/common';
import { CohortsController } from './http/cohorts.controller';
import { EnrollmentsController } from './http/enrollments.controller';
import { EnrollmentModule } from './enrollment.module';

@Module({ imports: [EnrollmentModule], controllers: [CohortsController, EnrollmentsController] })
export class EnrollmentHttpModule {}
