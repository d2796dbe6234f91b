import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, Endpoint, IdParamPipe } from '@beacon/core/http';
import { MyRegistrationView } from '../dto/roster.dto';
import { RosterService } from '../roster/roster.service';

@ApiTags('Live sessions')
@Controller('api/v1/me/live-sessions')
export class MyLiveSessionRegistrationController {
  constructor(private readonly roster: RosterService) {}

  @Get(':id/registration')
  @Access({ org: ['org_admin', 'educator', 'manager', 'learner'] })
  @Endpoint({
    summary: 'My registration for a session of my organization, and the member id I register with',
    description:
      "status null when I am not registered; attendance and checkIn as on the roster. Another organization's " +
      'session is a 404, as an unknown id.',
    type: MyRegistrationView,
    errors: [404],
  })
  mine(@Param('id', IdParamPipe) id: string) {
    return this.roster.mine(id);
  }
}
