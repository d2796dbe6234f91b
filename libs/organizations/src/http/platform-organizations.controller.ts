import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, Endpoint, PageQuery } from '@beacon/core/http';
import { CreateOrganizationDto, OrganizationPage, OrganizationView } from '../dto/organization.dto';
import { OrganizationsService } from '../organizations/organizations.service';

@ApiTags('Platform')
@Controller('api/v1/platform/organizations')
@Access({ platform: ['platform_admin'] })
export class PlatformOrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Post()
  @Endpoint({
    summary: 'Create an organization (a hospital or health system) and invite its first org_admin',
    status: 201,
    type: OrganizationView,
    errors: [409],
  })
  create(@Body() body: CreateOrganizationDto) {
    return this.organizations.create(body);
  }

  @Get()
  @Endpoint({ summary: 'List organizations', type: OrganizationPage })
  list(@Query() query: PageQuery) {
    return this.organizations.list(query);
  }
}
