import { Module } from '@nestjs/common';
import { AuditModule } from '@beacon/audit';
import { IdentityModule } from '@beacon/identity';
import { DepartmentRepository } from './departments/department.repository';
import { DepartmentsService } from './departments/departments.service';
import { ImportFollowUpQueue } from './members/import/import-follow-up.queue';
import { ImportFollowUpRepository } from './members/import/import-follow-up.repository';
import { MemberImportFollowUp } from './members/import/member-import-follow-up.service';
import { MemberImportRepository } from './members/import/member-import.repository';
import { MemberImportService } from './members/import/member-import.service';
import { MemberRepository } from './members/member.repository';
import { MembersService } from './members/members.service';
import { OrganizationRepository } from './organizations/organization.repository';
import { OrganizationSettingsService } from './organizations/organization-settings.service';
import { OrganizationsService } from './organizations/organizations.service';
import { SiteRepository } from './sites/site.repository';
import { SitesService } from './sites/sites.service';

@Module({
  imports: [AuditModule, IdentityModule],
  providers: [
    OrganizationRepository,
    SiteRepository,
    DepartmentRepository,
    MemberRepository,
    OrganizationsService,
    OrganizationSettingsService,
    SitesService,
    DepartmentsService,
    MembersService,
    MemberImportRepository,
    MemberImportService,
    MemberImportFollowUp,
    ImportFollowUpRepository,
    ImportFollowUpQueue,
  ],
  exports: [
    MemberImportFollowUp,
    ImportFollowUpRepository,
    ImportFollowUpQueue,
    MemberImportService,
    OrganizationsService,
    OrganizationSettingsService,
    SitesService,
    DepartmentsService,
    MembersService,
  ],
})
export class OrganizationsModule {}
