import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, Endpoint, IdParamPipe } from '@beacon/core/http';
import {
  CreateMemberDto,
  InvitationSentView,
  MemberListQuery,
  MemberPage,
  MemberView,
  UpdateMemberDto,
} from '../dto/member.dto';
import { MembersService } from '../members/members.service';
import { STRUCTURE_READ, STRUCTURE_WRITE } from './structure-access';

@ApiTags('Members')
@Controller('api/v1/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Post()
  @Access(STRUCTURE_WRITE)
  @Endpoint({
    summary: 'Add a member (invited by email unless invite=false)',
    description: 'Only an org_admin grants org_admin (403 otherwise).',
    status: 201,
    type: MemberView,
    errors: [409],
  })
  create(@Body() body: CreateMemberDto) {
    return this.members.create(body);
  }

  @Get()
  @Access(STRUCTURE_READ)
  @Endpoint({
    summary: 'List members, filtered by site, department, role, status or a search',
    type: MemberPage,
  })
  list(@Query() query: MemberListQuery) {
    return this.members.list(query);
  }

  @Get(':id')
  @Access(STRUCTURE_READ)
  @Endpoint({ summary: 'Get a member (a membership)', type: MemberView, errors: [404] })
  get(@Param('id', IdParamPipe) id: string) {
    return this.members.get(id);
  }

  @Patch(':id')
  @Access(STRUCTURE_WRITE)
  @Endpoint({
    summary: "Change membership fields (never the person's global email or name)",
    description: 'Only an org_admin grants or removes org_admin; the last org_admin keeps it (409).',
    type: MemberView,
    errors: [404, 409],
  })
  update(@Param('id', IdParamPipe) id: string, @Body() body: UpdateMemberDto) {
    return this.members.update(id, body);
  }

  @Post(':id/deactivate')
  @Access(STRUCTURE_WRITE)
  @Endpoint({
    summary: 'Deactivate a member; their sessions in this organization end at once',
    type: MemberView,
    errors: [404, 409],
  })
  deactivate(@Param('id', IdParamPipe) id: string) {
    return this.members.deactivate(id);
  }

  @Post(':id/reactivate')
  @Access(STRUCTURE_WRITE)
  @Endpoint({
    summary: 'Reactivate a deactivated member (active again, or invited if they never joined)',
    description:
      'Their withdrawn enrollments reopen where they still match a cohort. An active member: no change. Only an ' +
      'org_admin reactivates an org_admin (403 otherwise).',
    type: MemberView,
    errors: [404],
  })
  reactivate(@Param('id', IdParamPipe) id: string) {
    return this.members.reactivate(id);
  }

  @Post(':id/invite')
  @Access(STRUCTURE_WRITE)
  @Endpoint({
    summary: 'Send or re-send the invitation',
    description:
      'At most 3 invitation mails per member per hour, the first one included (429 with Retry-After).',
    status: 202,
    type: InvitationSentView,
    errors: [404, 409, 429],
  })
  invite(@Param('id', IdParamPipe) id: string) {
    return this.members.invite(id);
  }
}
