import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, Endpoint, IdParamPipe, PageQuery, SignedIn } from '@beacon/core/http';
import { CatalogService } from '../catalog.service';
import { CourseDetailView, CoursePage, QuestionKeyPage } from '../dto/course.dto';

@ApiTags('Catalog')
@Controller('api/v1')
export class CoursesController {
  constructor(private readonly catalog: CatalogService) {}

  @Get('courses')
  @SignedIn()
  @Endpoint({
    summary: 'The current version of each course, with its CE metadata, activity file and module outline',
    description:
      'Superseded versions and courses past their expiresOn are not listed (GET /courses/:id still serves them ' +
      'to learners enrolled on them).',
    type: CoursePage,
  })
  list(@Query() query: PageQuery) {
    return this.catalog.list(query);
  }

  @Get('courses/:id')
  @SignedIn()
  @Endpoint({
    summary: 'A course version, current or superseded, with the Markdown body of each module',
    type: CourseDetailView,
    errors: [404],
  })
  get(@Param('id', IdParamPipe) id: string) {
    return this.catalog.get(id);
  }

  @Get('platform/courses/:id/questions')
  @Access({ platform: ['platform_admin'] })
  @Endpoint({
    summary: 'The question bank of a course, answer key included (platform admins only)',
    type: QuestionKeyPage,
    errors: [404],
  })
  questions(@Param('id', IdParamPipe) id: string) {
    return this.catalog.questionBank(id);
  }
}
