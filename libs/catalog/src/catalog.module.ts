import { Module } from '@nestjs/common';
import { CatalogService } from './catalog.service';
import { CourseRepository } from './course.repository';

@Module({ providers: [CourseRepository, CatalogService], exports: [CatalogService] })
export class CatalogModule {}
