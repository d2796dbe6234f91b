import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, AccessRule, Endpoint, IdParamPipe } from '@beacon/core/http';
import { AttendanceService } from '../attendance/attendance.service';
import {
  AttendanceView,
  CheckInCodeView,
  CheckInDto,
  CheckInView,
  MarkAttendanceDto,
  RosterCloseView,
} from '../dto/attendance.dto';

/** The session's assigned facilitators (others get 404) and the organization's org_admins and educators. */
const ROSTER_KEEPERS: AccessRule = { org: ['org_admin', 'educator'], platform: ['facilitator'] };

@ApiTags('Live sessions')
@Controller('api/v1/live-sessions')
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @Post(':id/attendance')
  @Access(ROSTER_KEEPERS)
  @Endpoint({
    summary: 'Mark a registered member present (or take the mark back)',
    description:
      "By the session's assigned facilitators (another facilitator → 404) or the organization's org_admins and " +
      'educators; from 30 minutes before the start (409 before, saying when it opens); not in a cancelled session ' +
      "(409). memberId must be registered with a seat (400 naming memberId). Attending completes the member's " +
      'open enrollments of the course and issues the certificate, marked as earned in this live session (after ' +
      "the learner's evaluation when the course requires one); marking again credits nothing more. With no open " +
      'enrollment the attendance is recorded and no certificate issued. attended=false after the mark completed ' +
      'an enrollment or issued a certificate → 409.',
    type: AttendanceView,
    errors: [404, 409],
  })
  mark(@Param('id', IdParamPipe) id: string, @Body() body: MarkAttendanceDto) {
    return this.attendance.mark(id, body.memberId, body.attended);
  }

  @Post(':id/check-in-code')
  @Access(ROSTER_KEEPERS)
  @Endpoint({
    summary: "Open self check-in: this minute's code, to show at the session",
    description:
      'Six digits derived (HMAC) from a per-session key and the minute: a new code every 60 s, the previous one ' +
      'accepted one minute more. As for attendance: from 30 minutes before the start, not in a cancelled ' +
      'session, not once the roster is closed (409).',
    type: CheckInCodeView,
    errors: [404, 409],
  })
  openCheckIn(@Param('id', IdParamPipe) id: string) {
    return this.attendance.openCheckIn(id);
  }

  @Post(':id/check-in')
  @Access({ org: ['org_admin', 'educator', 'manager', 'learner'] })
  @Endpoint({
    summary: 'Check myself in with the code shown at the session (provisional)',
    description:
      'By a member registered (with a seat) for the session (else 403). A wrong or old code → 400 naming code; ' +
      'check-in not opened or the roster closed → 409; more than 5 attempts a minute → 429. The check-in earns ' +
      'nothing until the facilitator closes the roster, and the facilitator may reject it before.',
    type: CheckInView,
    errors: [404, 409, 429],
  })
  checkIn(@Param('id', IdParamPipe) id: string, @Body() body: CheckInDto) {
    return this.attendance.checkIn(id, body.code);
  }

  @Post(':id/check-ins/:memberId/reject')
  @Access(ROSTER_KEEPERS)
  @Endpoint({
    summary: 'Reject a provisional check-in before the roster is closed',
    description: 'A member who is not in the room; no check-in → 404, the roster closed → 409.',
    status: 204,
    errors: [404, 409],
  })
  rejectCheckIn(@Param('id', IdParamPipe) id: string, @Param('memberId', IdParamPipe) memberId: string) {
    return this.attendance.rejectCheckIn(id, memberId);
  }

  @Post(':id/roster/close')
  @Access(ROSTER_KEEPERS)
  @Endpoint({
    summary: 'Close the roster: provisional check-ins become attendance, with their credit',
    description:
      'Every check-in not rejected is marked attended as by POST /attendance (enrollments completed, ' +
      'certificates issued); self check-in ends. Closing twice → 409.',
    type: RosterCloseView,
    errors: [404, 409],
  })
  closeRoster(@Param('id', IdParamPipe) id: string) {
    return this.attendance.closeRoster(id);
  }
}
