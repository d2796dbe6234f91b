import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access, Endpoint, IdParamPipe } from '@beacon/core/http';
import { SessionInvitesService } from '../calendar/session-invites.service';

@ApiTags('Live sessions')
@Controller('api/v1/live-sessions')
export class LiveSessionCalendarController {
  constructor(private readonly invites: SessionInvitesService) {}

  @Get(':id/ics')
  @Access({
    org: ['org_admin', 'educator', 'manager', 'learner'],
    platform: ['platform_admin', 'facilitator'],
  })
  @Endpoint({
    summary: 'The session as a calendar invite (iCalendar)',
    description:
      "UID `<session id>@<host of PUBLIC_URL>`, the same in every copy; SEQUENCE the session's (0, raised on every " +
      'change); METHOD:REQUEST, or METHOD:CANCEL with STATUS:CANCELLED once cancelled; DTSTART/DTEND in the ' +
      "session's zone with its VTIMEZONE; ORGANIZER the provider (PROVIDER_NAME, PROVIDER_INBOX). ATTENDEE: the " +
      'reader when registered or waitlisted, else for staff the registered members. Who may: as for the session.',
    file: 'text/calendar',
    errors: [404],
  })
  async ics(
    @Param('id', IdParamPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const calendar = await this.invites.download(id);
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="session.ics"');
    return calendar;
  }
}
