import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, AccessRule, Endpoint, IdParamPipe } from '@beacon/core/http';
import {
  CreateLiveSessionDto,
  LiveSessionPage,
  LiveSessionRangeQuery,
  LiveSessionView,
} from '../dto/live-session.dto';
import { CreateRegistrationDto, RegistrationView } from '../dto/registration.dto';
import { RegistrationsService } from '../registrations/registrations.service';
import { LiveSessionsService } from '../sessions/live-sessions.service';

const SCHEDULERS: AccessRule = { org: ['org_admin', 'educator'], platform: ['platform_admin'] };
const READERS: AccessRule = {
  org: ['org_admin', 'educator', 'manager', 'learner'],
  platform: ['platform_admin', 'facilitator'],
};
const REGISTRARS: AccessRule = {
  org: ['org_admin', 'educator', 'manager', 'learner'],
  platform: ['platform_admin'],
};
const VISIBILITY =
  "An organization's members see its sessions; a facilitator only the sessions they are assigned to; a platform " +
  "admin any session by id. Another organization's session is a 404, as an unknown id.";

@ApiTags('Live sessions')
@Controller('api/v1/live-sessions')
export class LiveSessionsController {
  constructor(
    private readonly sessions: LiveSessionsService,
    private readonly registrations: RegistrationsService,
  ) {}

  @Post()
  @Access(SCHEDULERS)
  @Endpoint({
    summary: 'Schedule a live session and book its facilitators',
    description:
      'A facilitator already booked (in any organization) in a session overlapping this one, the travel buffer ' +
      '(SESSION_TRAVEL_BUFFER, default 60 min) after each session included, → 409; two bookings at the same ' +
      'moment cannot both pass (a database constraint decides). siteId must be a site of the organization, ' +
      'facilitatorIds platform users with the `facilitator` role, endsAt after startsAt, capacity 1–1000.',
    status: 201,
    type: LiveSessionView,
    errors: [409],
  })
  create(@Body() body: CreateLiveSessionDto) {
    return this.sessions.create(body);
  }

  @Get()
  @Access(READERS)
  @Endpoint({
    summary: 'Live sessions overlapping a range, by start',
    description: `${VISIBILITY} Platform staff without organizationId see the sessions they facilitate.`,
    type: LiveSessionPage,
  })
  list(@Query() query: LiveSessionRangeQuery) {
    return this.sessions.list(query);
  }

  @Get(':id')
  @Access(READERS)
  @Endpoint({
    summary: 'A live session with its counts',
    description: VISIBILITY,
    type: LiveSessionView,
    errors: [404],
  })
  get(@Param('id', IdParamPipe) id: string) {
    return this.sessions.get(id);
  }

  @Post(':id/cancel')
  @Access(SCHEDULERS)
  @Endpoint({
    summary: 'Cancel a live session',
    description: "Frees its facilitators' time and raises its SEQUENCE; cancelling again → 409.",
    type: LiveSessionView,
    errors: [404, 409],
  })
  cancel(@Param('id', IdParamPipe) id: string) {
    return this.sessions.cancel(id);
  }

  @Post(':id/registrations')
  @Access(REGISTRARS)
  @Endpoint({
    summary: 'Register a member: a seat while there is one, else the waitlist',
    description:
      'A member registers themselves; org_admins, educators and platform admins register anyone of the ' +
      'organization (anyone else → 403). Registration closes when the session starts, and a cancelled session ' +
      'takes none (409); a second registration of the same member → 409.',
    status: 201,
    type: RegistrationView,
    errors: [404, 409],
  })
  register(@Param('id', IdParamPipe) id: string, @Body() body: CreateRegistrationDto) {
    return this.registrations.register(id, body.memberId);
  }

  @Delete(':id/registrations/:memberId')
  @Access(REGISTRARS)
  @Endpoint({
    summary: 'Remove a registration (or a place on the waitlist)',
    description:
      'A freed seat goes to the first waitlisted member, who is told by mail (not once the session has started, ' +
      'nor when it is cancelled). Who may: as for registering.',
    status: 204,
    errors: [404],
  })
  unregister(@Param('id', IdParamPipe) id: string, @Param('memberId', IdParamPipe) memberId: string) {
    return this.registrations.unregister(id, memberId);
  }
}
