import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@beacon/core/database';
import { Access, CurrentActor, Endpoint, IdParamPipe } from '@beacon/core/http';
import { TrainingRequestConversionService } from '../conversion/training-request-conversion.service';
import { ConvertTrainingRequestDto, ConvertTrainingRequestResult } from '../dto/convert-training-request.dto';
import {
  TrainingRequestDetail,
  TrainingRequestListQuery,
  TrainingRequestPage,
  UpdateTrainingRequestDto,
} from '../dto/training-request.dto';
import { TrainingRequestsService } from '../training-requests.service';

@ApiTags('Intake')
@Controller('api/v1/platform/training-requests')
@Access({ platform: ['platform_admin'] })
export class PlatformTrainingRequestsController {
  constructor(
    private readonly requests: TrainingRequestsService,
    private readonly conversion: TrainingRequestConversionService,
  ) {}

  @Get()
  @Endpoint({ summary: 'The intake pipeline, newest first, by status', type: TrainingRequestPage })
  list(@Query() query: TrainingRequestListQuery) {
    return this.requests.list(query);
  }

  @Get(':id')
  @Endpoint({
    summary: 'One training request with its notes, activity and joined follow-ups',
    type: TrainingRequestDetail,
    errors: [404],
  })
  get(@Param('id', IdParamPipe) id: string) {
    return this.requests.get(id);
  }

  @Patch(':id')
  @Endpoint({
    summary: 'Move a request along the pipeline, assign a facilitator, add a note',
    description:
      'Status flow: new → triaged → proposed → scheduled → completed, and any open status → declined or spam; ' +
      'any other move is a 409 (also when another change moved it first). Assigning mails the facilitator.',
    type: TrainingRequestDetail,
    errors: [404, 409],
  })
  update(
    @Param('id', IdParamPipe) id: string,
    @Body() body: UpdateTrainingRequestDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.requests.update(id, body, actor.userId);
  }

  @Post(':id/convert')
  @HttpCode(200)
  @Endpoint({
    summary: 'Convert a request: link or create its organization and draft its live session',
    description:
      'Exactly one of `organizationId` (link an organization that exists: nobody is invited, a stranger\u2019s form ' +
      'never grants access) and `organization` `{ name, slug, timezone }` (create it, invite the request\u2019s ' +
      'contact as its org_admin, and add a site named after the request\u2019s city, else the organization). In one ' +
      'transaction the request is linked (`organizationId` in its view), its activity records `converted`, and a ' +
      'draft live session is made: `session.courseId` or the first published course; `session.siteId` or the ' +
      'organization\u2019s first site by name (none → 409 naming session.siteId); `session.startsAt` or 09:00 in ' +
      'the organization\u2019s zone on the first preferred date still ahead (else 14 days from now); `session.endsAt` ' +
      'or 4 hours later; location "city, state" or the site\u2019s name; capacity the staff count within 1–1000 ' +
      '(default 30); the assigned facilitator, whose time the draft does not hold. A request converted already, ' +
      'or spam, declined, duplicate or completed → 409; an unknown organizationId → 404; a taken slug → 409.',
    type: ConvertTrainingRequestResult,
    errors: [404, 409],
  })
  convert(
    @Param('id', IdParamPipe) id: string,
    @Body() body: ConvertTrainingRequestDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.conversion.convert(id, body, actor.userId);
  }
}
