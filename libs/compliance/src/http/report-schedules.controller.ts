import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, AccessRule, Endpoint, IdParamPipe, PageQuery } from '@beacon/core/http';
import {
  CreateReportScheduleDto,
  ReportSchedulePage,
  ReportScheduleView,
  ScheduleRecipientPage,
  UpdateReportScheduleDto,
} from '../dto/report-schedule.dto';
import { ReportSchedulesService } from '../schedules/report-schedules.service';

const REPORTERS: AccessRule = { org: ['org_admin', 'educator', 'manager'] };
const VISIBILITY =
  'org_admins and educators see every schedule of the organization; a manager sees only the schedules they ' +
  'created (404 for any other, as for an unknown id).';
const RECIPIENTS =
  "Recipients are emails of the organization's active org_admins and educators, or of the schedule's creator; " +
  'any other address → 400 naming `recipients` and the address.';

@ApiTags('Compliance')
@Controller('api/v1/report-schedules')
export class ReportSchedulesController {
  constructor(private readonly schedules: ReportSchedulesService) {}

  @Post()
  @Access(REPORTERS)
  @Endpoint({
    summary: 'Schedule a report, built weekly or monthly and mailed to its recipients as a link',
    description:
      "weekly: each Monday at 06:00, monthly: on the 1st at 06:00, in the organization's time zone (daylight " +
      "saving included); each period runs once. The report is requested as its creator: a manager's holds their " +
      'reporting chain. When it is ready each recipient gets a mail with a link to the reports page, which needs ' +
      'sign-in; the file is never attached. A failed report mails a short notice with the same link. `type` and ' +
      `\`filters\` are checked as for POST /reports; \`format\` defaults to xlsx. ${RECIPIENTS}`,
    status: 201,
    type: ReportScheduleView,
  })
  create(@Body() body: CreateReportScheduleDto) {
    return this.schedules.create(body);
  }

  @Get()
  @Access(REPORTERS)
  @Endpoint({ summary: 'Report schedules, newest first', description: VISIBILITY, type: ReportSchedulePage })
  list(@Query() query: PageQuery) {
    return this.schedules.list(query);
  }

  @Get('recipients')
  @Access(REPORTERS)
  @Endpoint({
    summary: 'Who the caller may name as recipients of a schedule',
    description:
      "The organization's active org_admins and educators, and the caller; the whole list at once (nextCursor null).",
    type: ScheduleRecipientPage,
  })
  recipients() {
    return this.schedules.recipients();
  }

  @Get(':id')
  @Access(REPORTERS)
  @Endpoint({
    summary: 'A report schedule',
    description: VISIBILITY,
    type: ReportScheduleView,
    errors: [404],
  })
  get(@Param('id', IdParamPipe) id: string) {
    return this.schedules.get(id);
  }

  @Patch(':id')
  @Access(REPORTERS)
  @Endpoint({
    summary: "Change a schedule's format, filters, frequency or recipients, or pause and resume it",
    description:
      `${VISIBILITY} A new frequency, or resuming, starts from the next period to come. The type cannot change: ` +
      `schedule another. ${RECIPIENTS}`,
    type: ReportScheduleView,
    errors: [404],
  })
  update(@Param('id', IdParamPipe) id: string, @Body() body: UpdateReportScheduleDto) {
    return this.schedules.update(id, body);
  }

  @Delete(':id')
  @Access(REPORTERS)
  @Endpoint({
    summary: 'Delete a schedule (the reports it built stay)',
    description: VISIBILITY,
    status: 204,
    errors: [404],
  })
  delete(@Param('id', IdParamPipe) id: string) {
    return this.schedules.delete(id);
  }
}
