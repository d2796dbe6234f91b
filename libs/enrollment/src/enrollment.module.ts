import { Module } from '@nestjs/common';
import { AuditModule } from '@beacon/audit';
import { CatalogModule } from '@beacon/catalog';
import { CertificatesModule } from '@beacon/certificates';
import { NotificationsModule } from '@beacon/notifications';
import { AssessmentService } from './assessment.service';
import { AssignmentRepository } from './assignment.repository';
import { AttemptRepository } from './attempt.repository';
import { CohortRepository } from './cohort.repository';
import { CohortsService } from './cohorts.service';
import { CompletionCertificateService } from './completion-certificate.service';
import { EnrollmentRepository } from './enrollment.repository';
import { EnrollmentSync } from './enrollment-sync.service';
import { EnrollmentsService } from './enrollments.service';
import { EvaluationRepository } from './evaluation.repository';
import { EvaluationService } from './evaluation.service';
import { LiveSessionCreditService } from './live-session-credit.service';
import { MemberContactRepository } from './member-contact.repository';
import { TargetLookupRepository } from './target-lookup.repository';
import { TargetPreviewRepository } from './target-preview.repository';
import { TeamEnrollmentRepository } from './team-enrollment.repository';
import { TeamService } from './team.service';
import { EnrollmentMailTemplates } from './mail/enrollment-mail.templates';

@Module({
  imports: [AuditModule, CatalogModule, CertificatesModule, NotificationsModule],
  providers: [
    CohortRepository,
    EnrollmentRepository,
    AttemptRepository,
    AssignmentRepository,
    MemberContactRepository,
    TargetLookupRepository,
    TargetPreviewRepository,
    EvaluationRepository,
    CompletionCertificateService,
    EnrollmentSync,
    CohortsService,
    EnrollmentsService,
    AssessmentService,
    EvaluationService,
    LiveSessionCreditService,
    EnrollmentMailTemplates,
    TeamEnrollmentRepository,
    TeamService,
  ],
  exports: [
    EnrollmentSync,
    CohortsService,
    EnrollmentsService,
    AssessmentService,
    EvaluationService,
    LiveSessionCreditService,
    TeamService,
  ],
})
export class EnrollmentModule {}
