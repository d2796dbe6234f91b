import { Module } from '@nestjs/common';
import { DepartmentsController } from './http/departments.controller';
import { ImportSlotInterceptor } from './http/import-slot.interceptor';
import { ImportSlots } from './http/import-slots.service';
import { MemberImportController } from './http/member-import.controller';
import { MembersController } from './http/members.controller';
import { OrganizationController } from './http/organization.controller';
import { PlatformOrganizationsController } from './http/platform-organizations.controller';
import { SitesController } from './http/sites.controller';
import { OrganizationsModule } from './organizations.module';

@Module({
  imports: [OrganizationsModule],
  controllers: [
    PlatformOrganizationsController,
    OrganizationController,
    SitesController,
    DepartmentsController,
    MemberImportController,
    MembersController,
  ],
  providers: [ImportSlots, ImportSlotInterceptor],
})
export class OrganizationsHttpModule {}
