import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, AccessRule, Endpoint, IdParamPipe, PageQuery } from '@beacon/core/http';
import { CohortsService } from '../cohorts.service';
import {
  CohortListQuery,
  CohortPage,
  CohortPreviewDto,
  CohortPreviewView,
  CohortView,
  CreateCohortDto,
  UpdateCohortDto,
} from '../dto/cohort.dto';
import { CohortEnrollmentPage } from '../dto/enrollment.dto';
import { EnrollmentsService } from '../enrollments.service';

const MANAGE: AccessRule = { org: ['org_admin', 'educator'] };
const READ: AccessRule = { org: ['org_admin', 'educator', 'manager'] };

@ApiTags('Cohorts and enrollments')
@Controller('api/v1/cohorts')
export class CohortsController {
  constructor(
    private readonly cohorts: CohortsService,
    private readonly enrollments: EnrollmentsService,
  ) {}

  @Post()
  @Access(MANAGE)
  @Endpoint({
    summary: 'Assign a course to a target group; matching members are enrolled now and as they match later',
    description:
      'The course must be the current version of its code and not expired (409 otherwise; the detail names the ' +
      'current version). Members enrolled later, and the next cycle of a recurring cohort, take the version ' +
      'current then; open enrollments keep theirs.',
    status: 201,
    type: CohortView,
    errors: [409],
  })
  create(@Body() body: CreateCohortDto) {
    return this.cohorts.create(body);
  }

  // Declared before ':id' routes; a POST, so a long target list fits and nothing is cached.
  @Post('preview')
  @Access(MANAGE)
  @Endpoint({
    summary:
      'Count the members a target matches now (whom a cohort with it would enroll), with up to 5 names',
    description:
      'The same matching as enrollment: not deactivated, in any listed site or department (none: all), a listed ' +
      'job title (case-insensitive) and a listed role where given. Sites and departments are checked as in ' +
      'POST /cohorts: unknown, archived or of another organization → 400 naming the field.',
    status: 200,
    type: CohortPreviewView,
  })
  preview(@Body() body: CohortPreviewDto) {
    return this.cohorts.preview(body);
  }

  @Get()
  @Access(READ)
  @Endpoint({ summary: 'List cohorts with their stats', type: CohortPage })
  list(@Query() query: CohortListQuery) {
    return this.cohorts.list(query);
  }

  @Get(':id')
  @Access(READ)
  @Endpoint({
    summary: 'A cohort with stats (withdrawn enrollments are not counted)',
    type: CohortView,
    errors: [404],
  })
  get(@Param('id', IdParamPipe) id: string) {
    return this.cohorts.get(id);
  }

  @Patch(':id')
  @Access(MANAGE)
  @Endpoint({
    summary: 'Change name, due date or reminders; a new due date flows to open enrollments',
    type: CohortView,
    errors: [404, 409],
  })
  update(@Param('id', IdParamPipe) id: string, @Body() body: UpdateCohortDto) {
    return this.cohorts.update(id, body);
  }

  @Post(':id/archive')
  @Access(MANAGE)
  @Endpoint({
    summary: 'Archive a cohort: no new enrollments; history is kept',
    type: CohortView,
    errors: [404],
  })
  archive(@Param('id', IdParamPipe) id: string) {
    return this.cohorts.archive(id);
  }

  @Get(':id/enrollments')
  @Access(READ)
  @Endpoint({ summary: "The cohort's enrollments", type: CohortEnrollmentPage, errors: [404] })
  enrollmentsOf(@Param('id', IdParamPipe) id: string, @Query() query: PageQuery) {
    return this.enrollments.forCohort(id, query);
  }
}
