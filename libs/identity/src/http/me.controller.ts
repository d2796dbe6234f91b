import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@beacon/core/database';
import { AllowWithoutMembership, CurrentActor, Endpoint, SignedIn } from '@beacon/core/http';
import { MeResponse, UpdateMeDto } from '../dto/auth.dto';
import { MeService } from '../me.service';

@ApiTags('Me')
@Controller('api/v1/me')
@SignedIn()
@AllowWithoutMembership()
export class MeController {
  constructor(private readonly me: MeService) {}

  @Get()
  @Endpoint({ summary: 'Who I am, where my session is bound and my memberships', type: MeResponse })
  get(@CurrentActor() actor: Actor) {
    return this.me.get(actor);
  }

  @Patch()
  @Endpoint({
    summary: 'Change my name or my preferences (language of my mail, escalation digest)',
    type: MeResponse,
  })
  update(@CurrentActor() actor: Actor, @Body() body: UpdateMeDto) {
    return this.me.update(actor, body);
  }
}
