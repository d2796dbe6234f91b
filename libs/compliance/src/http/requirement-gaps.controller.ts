import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, Endpoint } from '@beacon/core/http';
import { RequirementGapPage, RequirementGapQuery } from '../dto/requirement-gap.dto';
import { RequirementGapsService } from '../requirements/requirement-gaps.service';

@ApiTags('Compliance')
@Controller('api/v1/compliance')
export class RequirementGapsController {
  constructor(private readonly gaps: RequirementGapsService) {}

  @Get('requirement-gaps')
  @Access({ org: ['org_admin', 'educator', 'manager'] })
  @Endpoint({
    summary: 'Who owes state-mandated human-trafficking training, by when, and why it is still open',
    description:
      "One row per licensed member and licensee rule of their license's state that names their license " +
      'category; one row without a rule for a license type that is not recognised in a state with licensee rules. ' +
      'A manager sees their reporting chain; org_admin and educators the organization; deactivated members are ' +
      'left out. A rule is met by a certificate of a course the provider configured as approved for that state and ' +
      'license type (PROVIDER_STATE_APPROVALS), with the rule hours, in its current period (per renewal: the two ' +
      'years before the license expires). Open rows (the default; `status=met|all` for the others) say why in ' +
      '`reason`. Rules the facts mark unconfirmed are flagged (`unconfirmed`). Ordered by dueBy (none last), then ' +
      'member, then rule.',
    type: RequirementGapPage,
    errors: [400],
  })
  list(@Query() query: RequirementGapQuery) {
    return this.gaps.list(query);
  }
}
