import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Endpoint, SignedIn } from '@beacon/core/http';
import { MyLiveSessionPage, MyLiveSessionRangeQuery } from '../dto/live-session.dto';
import { LiveSessionsService } from '../sessions/live-sessions.service';

@ApiTags('Live sessions')
@Controller('api/v1/me/live-sessions')
export class MyLiveSessionsController {
  constructor(private readonly sessions: LiveSessionsService) {}

  @Get()
  @SignedIn()
  @Endpoint({
    summary: 'The live sessions I am registered for (or waitlisted) or facilitate, by start',
    description:
      'Registrations are those of the organization my token names; facilitated sessions those of any organization.',
    type: MyLiveSessionPage,
  })
  mine(@Query() query: MyLiveSessionRangeQuery) {
    return this.sessions.mine(query);
  }
}
