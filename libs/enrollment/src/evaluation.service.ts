import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@beacon/core/database';
import { Problems } from '@beacon/core/http';
import { Clock } from '@beacon/core/time';
import { AuditService } from '@beacon/audit';
import { CatalogService } from '@beacon/catalog';
import { AttemptRepository } from './attempt.repository';
import { CompletionCertificateService } from './completion-certificate.service';
import { EvaluationDto, EvaluationResultView } from './dto/enrollment.dto';
import { EnrollmentRepository, LiveCompletion } from './enrollment.repository';
import { EvaluationRepository } from './evaluation.repository';
import { EnrollmentsService, requireMembership } from './enrollments.service';

/**
 * The learner's evaluation of the activity, which accredited CE requires before the certificate. It follows the
 * pass (which already completed the enrollment for compliance); the certificate states the pass as its completion.
 */
@Injectable()
export class EvaluationService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly enrollmentsService: EnrollmentsService,
    private readonly attempts: AttemptRepository,
    private readonly enrollments: EnrollmentRepository,
    private readonly evaluations: EvaluationRepository,
    private readonly catalog: CatalogService,
    private readonly certificates: CompletionCertificateService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  give(enrollmentId: string, answers: EvaluationDto): Promise<EvaluationResultView> {
    requireMembership();
    return this.tx.run(async () => {
      // The lock serializes two submissions of one evaluation: the second finds the first and gets a 409.
      const enrollment = await this.enrollmentsService.own(enrollmentId, true);
      const pass = await this.attempts.findPassed(enrollmentId);
      // Attending a live session of the course completes it as a pass does, and certifies the same way.
      const live = pass ? null : await this.enrollments.liveCompletion(enrollmentId);
      if (!pass && !live)
        throw Problems.conflict(
          'The evaluation follows a passed assessment (or an attended live session) of this enrollment.',
        );
      const course = await this.catalog.find(enrollment.course_id);
      if (!course) throw Problems.notFound('course');
      const given = await this.evaluations.insert({
        enrollmentId,
        membershipId: enrollment.membership_id,
        courseId: course.id,
        objectivesMet: answers.objectivesMet,
        relevantToPractice: answers.relevantToPractice,
        commercialBias: answers.commercialBias,
        comments: answers.comments ? answers.comments : null,
        now: this.clock.now(),
      });
      if (!given) throw Problems.conflict('The evaluation of this enrollment was given already.');
      await this.audit.record({
        action: 'enrollment.evaluated',
        entityType: 'enrollment',
        entityId: enrollmentId,
        changes: { evaluated: { from: false, to: true } },
      });
      // A course that needs no evaluation issued its certificate at the pass.
      const certificateId =
        (await this.certificates.issuedFor(enrollmentId)) ??
        (pass
          ? await this.certificates.issue(enrollment, course, pass)
          : await this.certificates.issueForLiveSession(enrollment, course, live as LiveCompletion));
      return { certificateId };
    });
  }
}
