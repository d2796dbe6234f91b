import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access, AccessRule, Endpoint, IdParamPipe, PageQuery, SignedIn } from '@beacon/core/http';
import { AssessmentService } from '../assessment.service';
import {
  AttemptResultView,
  AttemptView,
  CohortEnrollmentView,
  ExemptDto,
  GrantAttemptsDto,
  EvaluationDto,
  EvaluationResultView,
  GrantAttemptsView,
  ModuleOpeningView,
  MyEnrollmentDetailView,
  MyEnrollmentPage,
  MyEnrollmentView,
  SubmitAttemptDto,
} from '../dto/enrollment.dto';
import { EnrollmentsService } from '../enrollments.service';
import { EvaluationService } from '../evaluation.service';

const MANAGE: AccessRule = { org: ['org_admin', 'educator'] };

@ApiTags('Cohorts and enrollments')
@Controller('api/v1')
export class EnrollmentsController {
  constructor(
    private readonly enrollments: EnrollmentsService,
    private readonly assessment: AssessmentService,
    private readonly evaluation: EvaluationService,
  ) {}

  @Get('me/enrollments')
  @SignedIn()
  @Endpoint({ summary: 'My assigned courses with progress and due dates', type: MyEnrollmentPage })
  mine(@Query() query: PageQuery) {
    return this.enrollments.mine(query);
  }

  @Get('me/enrollments/:id')
  @SignedIn()
  @Endpoint({
    summary:
      'One of my enrollments with each module of its course version, the assessment and the certificate',
    description: "Another person's enrollment, or another organization's, is a 404 like an unknown id.",
    type: MyEnrollmentDetailView,
    errors: [404],
  })
  mineOne(@Param('id', IdParamPipe) id: string) {
    return this.enrollments.mineOne(id);
  }

  @Post('enrollments/:id/modules/:moduleId/open')
  @SignedIn()
  @Endpoint({
    summary: 'Open a module of my enrollment (the first opening counts; opening again changes nothing)',
    description: '409 when the enrollment is exempt or withdrawn.',
    type: ModuleOpeningView,
    errors: [404, 409],
  })
  openModule(@Param('id', IdParamPipe) id: string, @Param('moduleId', IdParamPipe) moduleId: string) {
    return this.enrollments.openModule(id, moduleId);
  }

  @Post('enrollments/:id/modules/:moduleId/complete')
  @SignedIn()
  @Endpoint({
    summary: 'Mark a module of my enrollment complete',
    description:
      '409 before completableAt (first opening + MODULE_MIN_TIME_SHARE × the estimated minutes; the problem says ' +
      'when, also as `completableAt`), for a module never opened (unless MODULE_MIN_TIME_SHARE is 0), or when the ' +
      'enrollment is exempt or withdrawn.',
    type: MyEnrollmentView,
    errors: [404, 409],
  })
  completeModule(@Param('id', IdParamPipe) id: string, @Param('moduleId', IdParamPipe) moduleId: string) {
    return this.enrollments.completeModule(id, moduleId);
  }

  @Post('enrollments/:id/assessment/attempts')
  @SignedIn()
  @ApiResponse({ status: 200, description: 'The attempt that is still open, unchanged', type: AttemptView })
  @Endpoint({
    summary: 'Start an assessment attempt (questions drawn at random, choices shuffled; no answer key)',
    description:
      "Each attempt draws the course's questionsPerObjective from each objective, preferring questions this " +
      'enrollment has not been shown yet. 409 until every module is complete, or when no attempts are left.',
    status: 201,
    type: AttemptView,
    errors: [404, 409],
  })
  async startAttempt(@Param('id', IdParamPipe) id: string, @Res({ passthrough: true }) res: Response) {
    const { created, attempt } = await this.assessment.start(id);
    res.status(created ? 201 : 200);
    return attempt;
  }

  @Post('enrollments/:id/assessment/attempts/:attemptId/submit')
  @SignedIn()
  @Endpoint({
    summary: 'Submit answers once; unanswered questions count as wrong; passing issues the certificate',
    description:
      'The result names the objectives of the questions missed; after a pass it also carries the explanations ' +
      'of those questions (never which choice was correct).',
    type: AttemptResultView,
    errors: [404, 409],
  })
  submit(
    @Param('id', IdParamPipe) id: string,
    @Param('attemptId', IdParamPipe) attemptId: string,
    @Body() body: SubmitAttemptDto,
  ) {
    return this.assessment.submit(id, attemptId, body.answers);
  }

  @Post('enrollments/:id/evaluation')
  @SignedIn()
  @Endpoint({
    summary:
      'Give my evaluation of the activity after passing; issues the certificate the course withheld for it',
    description: '409 before a pass of this enrollment, or when the evaluation was given already.',
    type: EvaluationResultView,
    errors: [404, 409],
  })
  evaluate(@Param('id', IdParamPipe) id: string, @Body() body: EvaluationDto) {
    return this.evaluation.give(id, body);
  }

  @Post('enrollments/:id/assessment/grant-attempts')
  @Access(MANAGE)
  @Endpoint({ summary: 'Grant more assessment attempts (audited)', type: GrantAttemptsView, errors: [404] })
  grantAttempts(@Param('id', IdParamPipe) id: string, @Body() body: GrantAttemptsDto) {
    return this.enrollments.grantAttempts(id, body.count);
  }

  @Post('enrollments/:id/exempt')
  @Access(MANAGE)
  @Endpoint({
    summary: 'Exempt an enrollment with a reason (audited)',
    type: CohortEnrollmentView,
    errors: [404, 409],
  })
  exempt(@Param('id', IdParamPipe) id: string, @Body() body: ExemptDto) {
    return this.enrollments.exempt(id, body.reason);
  }
}
