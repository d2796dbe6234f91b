import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, Endpoint } from '@beacon/core/http';
import { FacilitatorPage } from '../dto/facilitator.dto';
import { FacilitatorsService } from '../facilitators/facilitators.service';

@ApiTags('Live sessions')
@Controller('api/v1/facilitators')
export class FacilitatorsController {
  constructor(private readonly facilitators: FacilitatorsService) {}

  @Get()
  @Access({ org: ['org_admin', 'educator'], platform: ['platform_admin'] })
  @Endpoint({
    summary: "The provider's facilitators, to book for a live session",
    description:
      'Platform users with the `facilitator` role, by name; the whole list at once (nextCursor null).',
    type: FacilitatorPage,
  })
  list() {
    return this.facilitators.list();
  }
}
