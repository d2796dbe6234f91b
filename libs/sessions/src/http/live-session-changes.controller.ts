import { Body, Controller, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, AccessRule, Endpoint, IdParamPipe } from '@beacon/core/http';
import { LiveSessionView, UpdateLiveSessionDto } from '../dto/live-session.dto';
import { LiveSessionUpdatesService } from '../sessions/live-session-updates.service';

const SCHEDULERS: AccessRule = { org: ['org_admin', 'educator'], platform: ['platform_admin'] };

@ApiTags('Live sessions')
@Controller('api/v1/live-sessions')
@Access(SCHEDULERS)
export class LiveSessionChangesController {
  constructor(private readonly updates: LiveSessionUpdatesService) {}

  @Post(':id/publish')
  @Endpoint({
    summary: 'Publish a draft session: it becomes scheduled',
    description:
      'A draft (made by converting a training request) holds no facilitator time, takes no registrations (409), ' +
      'sends no mail and has no calendar invite (409 for schedulers; learners, managers and facilitators do not ' +
      'see it: 404). Publishing books its facilitators now: one booked elsewhere at that time (travel buffer ' +
      'included) → 409 naming them (`errors[0].field` facilitatorIds, `facilitatorId`), and it stays a draft. ' +
      'A session that is not a draft → 409.',
    type: LiveSessionView,
    errors: [404, 409],
  })
  publish(@Param('id', IdParamPipe) id: string) {
    return this.updates.publish(id);
  }

  @Patch(':id')
  @Endpoint({
    summary: 'Change a draft or scheduled session',
    description:
      'Only the fields given change; facilitatorIds is the whole new list. Each change of a scheduled session ' +
      'raises its SEQUENCE by one (changes queue on the session, none is lost), moves its facilitators\u2019 time ' +
      '(a facilitator booked elsewhere → 409 naming them, and nothing changes), and, when the time, zone, place ' +
      'or site changed, mails everyone holding a seat the new time in the session\u2019s zone with the updated ' +
      'invite (METHOD:REQUEST, the new SEQUENCE). A capacity below the seats taken → 409 naming capacity; a larger ' +
      'one seats the waitlist in order, each told by mail. A cancelled session → 409. A draft changes without ' +
      'SEQUENCE or mail.',
    type: LiveSessionView,
    errors: [404, 409],
  })
  update(@Param('id', IdParamPipe) id: string, @Body() body: UpdateLiveSessionDto) {
    return this.updates.update(id, body);
  }
}
