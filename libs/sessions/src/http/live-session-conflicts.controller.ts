import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, Endpoint } from '@beacon/core/http';
import { LiveSessionConflictsService } from '../conflicts/live-session-conflicts.service';
import { LiveSessionConflictList, LiveSessionConflictQuery } from '../dto/live-session-conflict.dto';

/**
 * A controller of its own, listed before LiveSessionsController in the module: Nest registers routes in that
 * order, and `GET live-sessions/:id` registered first would take `conflicts` for an id.
 */
@ApiTags('Live sessions')
@Controller('api/v1/live-sessions/conflicts')
export class LiveSessionConflictsController {
  constructor(private readonly conflicts: LiveSessionConflictsService) {}

  @Get()
  @Access({ org: ['org_admin', 'educator'], platform: ['platform_admin'] })
  @Endpoint({
    summary: "Facilitators' bookings a proposed session would collide with",
    description:
      'Each booking of these facilitators whose busy time (its session plus the travel buffer, ' +
      'SESSION_TRAVEL_BUFFER) overlaps the proposed session plus the buffer: exactly what scheduling it would ' +
      "refuse with 409. Another organization's booking shows as busy time only (sessionId null). endsAt after " +
      'startsAt, 1–10 facilitators.',
    type: LiveSessionConflictList,
  })
  preview(@Query() query: LiveSessionConflictQuery) {
    return this.conflicts.preview(query);
  }
}
