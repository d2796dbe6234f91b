import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, Endpoint } from '@beacon/core/http';
import { OrganizationSettingsView, UpdateOrganizationDto } from '../dto/organization-settings.dto';
import { OrganizationSettingsService } from '../organizations/organization-settings.service';

@ApiTags('Organization settings')
@Controller('api/v1/organization')
export class OrganizationController {
  constructor(private readonly settings: OrganizationSettingsService) {}

  @Get()
  @Access({ org: ['org_admin', 'educator', 'manager', 'learner'] })
  @Endpoint({
    summary: 'The settings of the organization the session is bound to',
    type: OrganizationSettingsView,
  })
  get() {
    return this.settings.get();
  }

  @Patch()
  @Access({ org: ['org_admin'] })
  @Endpoint({
    summary: 'Change the organization’s name, time zone, reminder window or idle sign-out (audited)',
    type: OrganizationSettingsView,
  })
  update(@Body() body: UpdateOrganizationDto) {
    return this.settings.update(body);
  }
}
