import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, Endpoint } from '@beacon/core/http';
import { TeamEnrollmentPage, TeamEnrollmentQuery } from '../dto/team.dto';
import { TeamService } from '../team.service';

@ApiTags('Team')
@Controller('api/v1/team')
export class TeamController {
  constructor(private readonly team: TeamService) {}

  @Get('enrollments')
  @Access({ org: ['org_admin', 'educator', 'manager'] })
  @Endpoint({
    summary:
      "My team's training: the current enrollment of each cohort for every member of my reporting chain",
    description:
      'A manager sees their direct and indirect reports; org_admin and educators see the whole organization. ' +
      'Withdrawn enrollments and deactivated members are left out. Ordered overdue first, then by due date ' +
      '(none last), then by name.',
    type: TeamEnrollmentPage,
  })
  enrollments(@Query() query: TeamEnrollmentQuery) {
    return this.team.enrollments(query);
  }
}
