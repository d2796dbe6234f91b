import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, Endpoint } from '@beacon/core/http';
import { StateRequirementPage, StateRequirementQuery } from '../dto/state-requirement.dto';
import { StateRequirementsService } from '../requirements/state-requirements.service';

@ApiTags('Compliance')
@Controller('api/v1/compliance')
export class RequirementsController {
  constructor(private readonly requirements: StateRequirementsService) {}

  @Get('requirements')
  @Access({ org: ['org_admin', 'educator', 'manager'] })
  @Endpoint({
    summary: 'State human-trafficking training requirements for healthcare licensees',
    description:
      'Reference data shared by every organization, in code order (state first). Rows where no licensee rule was ' +
      'found, or only a posting is required, are listed as such. `unconfirmed` rules name in `note` what is ' +
      'unconfirmed and must not be applied as settled; `needsReview` also marks rules of confidence M or L.',
    type: StateRequirementPage,
    errors: [400],
  })
  list(@Query() query: StateRequirementQuery) {
    return this.requirements.list(query);
  }
}
