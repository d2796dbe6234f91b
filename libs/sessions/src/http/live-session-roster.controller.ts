import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, Endpoint, IdParamPipe } from '@beacon/core/http';
import { RosterView } from '../dto/roster.dto';
import { RosterService } from '../roster/roster.service';

@ApiTags('Live sessions')
@Controller('api/v1/live-sessions')
export class LiveSessionRosterController {
  constructor(private readonly roster: RosterService) {}

  @Get(':id/roster')
  @Access({ org: ['org_admin', 'educator'], platform: ['platform_admin', 'facilitator'] })
  @Endpoint({
    summary: 'The roster: registered and waitlisted members with their attendance and check-in, by name',
    description:
      "For the session's assigned facilitators (another facilitator → 404), the organization's org_admins and " +
      "educators and platform admins. Another organization's session is a 404, as an unknown id. attendance is " +
      'null until a mark is given, absent once it was taken back; email is left out for facilitators.',
    type: RosterView,
    errors: [404],
  })
  read(@Param('id', IdParamPipe) id: string) {
    return this.roster.read(id);
  }
}
