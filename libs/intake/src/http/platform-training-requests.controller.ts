import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@beacon/core/database';
import { Access, CurrentActor, Endpoint, IdParamPipe } from '@beacon/core/http';
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
  constructor(private readonly requests: TrainingRequestsService) {}

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
}
