import { Module } from '@nestjs/common';
import { FollowUpMemberImportJob } from './jobs/follow-up-member-import.job';
import { MembersProcessor } from './jobs/members.processor';
import { ResumeMemberImportsJob } from './jobs/resume-member-imports.job';
import { OrganizationsModule } from './organizations.module';

/** The worker's side of organizations: following up large roster imports. */
@Module({
  imports: [OrganizationsModule],
  providers: [FollowUpMemberImportJob, ResumeMemberImportsJob, MembersProcessor],
  exports: [FollowUpMemberImportJob],
})
export class OrganizationsJobsModule {}
