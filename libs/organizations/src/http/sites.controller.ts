import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, Endpoint, IdParamPipe } from '@beacon/core/http';
import { CreateSiteDto, SiteListQuery, SitePage, SiteView, UpdateSiteDto } from '../dto/structure.dto';
import { SitesService } from '../sites/sites.service';
import { STRUCTURE_READ, STRUCTURE_WRITE } from './structure-access';

@ApiTags('Organization structure')
@Controller('api/v1/sites')
export class SitesController {
  constructor(private readonly sites: SitesService) {}

  @Post()
  @Access(STRUCTURE_WRITE)
  @Endpoint({
    summary: 'Create a site (hospital, satellite clinic, …)',
    status: 201,
    type: SiteView,
    errors: [409],
  })
  create(@Body() body: CreateSiteDto) {
    return this.sites.create(body);
  }

  @Get()
  @Access(STRUCTURE_READ)
  @Endpoint({ summary: 'List sites (archived ones only with includeArchived=true)', type: SitePage })
  list(@Query() query: SiteListQuery) {
    return this.sites.list(query);
  }

  @Get(':id')
  @Access(STRUCTURE_READ)
  @Endpoint({ summary: 'Get a site', type: SiteView, errors: [404] })
  get(@Param('id', IdParamPipe) id: string) {
    return this.sites.get(id);
  }

  @Patch(':id')
  @Access(STRUCTURE_WRITE)
  @Endpoint({ summary: 'Change a site', type: SiteView, errors: [404, 409] })
  update(@Param('id', IdParamPipe) id: string, @Body() body: UpdateSiteDto) {
    return this.sites.update(id, body);
  }

  @Delete(':id')
  @Access(STRUCTURE_WRITE)
  @Endpoint({ summary: 'Archive a site and its departments (records are kept)', status: 204, errors: [404] })
  archive(@Param('id', IdParamPipe) id: string) {
    return this.sites.archive(id);
  }
}
