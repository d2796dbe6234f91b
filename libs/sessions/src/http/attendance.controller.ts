import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, Endpoint, IdParamPipe } from '@beacon/core/http';
import { AttendanceService } from '../attendance/attendance.service';
import { AttendanceView, MarkAttendanceDto } from '../dto/attendance.dto';

@ApiTags('Live sessions')
@Controller('api/v1/live-sessions')
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @Post(':id/attendance')
  @Access({ org: ['org_admin', 'educator'], platform: ['facilitator'] })
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
}
