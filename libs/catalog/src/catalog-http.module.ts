import { Module } from '@nestjs/common';
import { CatalogSeedService } from './catalog-seed.service';
import { CatalogModule } from './catalog.module';
import { CourseRepository } from './course.repository';
import { CoursesController } from './http/courses.controller';

/** The api seeds the catalog at start-up (idempotent) and serves it. */
@Module({
  imports: [CatalogModule],
  providers: [CourseRepository, CatalogSeedService],
  controllers: [CoursesController],
})
export class CatalogHttpModule {}
