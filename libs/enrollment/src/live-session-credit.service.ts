import { Injectable } from '@nestjs/common';
import { AuditService } from '@beacon/audit';
import { CatalogService } from '@beacon/catalog';
import { Problems } from '@beacon/core/http';
import { CompletionCertificateService } from './completion-certificate.service';
import { EnrollmentRepository } from './enrollment.repository';
import { EnrollmentSync } from './enrollment-sync.service';

export interface LiveSessionCredit {
  /** The enrollments the session completed for the member (now or at an earlier mark). */
  enrollmentIds: string[];
  certificateId: string | null;
  /** The course asks for the learner's evaluation before the certificate (given on the first enrollment). */
  evaluationRequired: boolean;
}

/**
 * Credit for attending a live session: the assessment pass's path (AssessmentService.submit) with the session in
 * the place of the attempt. It completes every open enrollment of the member for the course, opens recurring
 * cohorts' next cycle and issues the certificate, unless the course asks for the evaluation first (then
 * EvaluationService issues it). Runs in the caller's transaction, which must hold the session's row lock: marks of
 * one session are serialized there, so a second mark finds the first's credit and issues nothing more.
 */
@Injectable()
export class LiveSessionCreditService {
  constructor(
    private readonly enrollments: EnrollmentRepository,
    private readonly catalog: CatalogService,
    private readonly certificates: CompletionCertificateService,
    private readonly audit: AuditService,
    private readonly sync: EnrollmentSync,
  ) {}

  async award(input: {
    membershipId: string;
    courseId: string;
    sessionId: string;
    /** The completion the certificate states: when the attendance was marked. */
    at: Date;
    sessionMinutes: number;
  }): Promise<LiveSessionCredit> {
    const course = await this.catalog.find(input.courseId);
    if (!course) throw Problems.notFound('course');
    const evaluationRequired = course.requires_evaluation;
    const earlier = await this.enrollments.completedByLiveSession(input.membershipId, input.sessionId);
    if (earlier.length > 0) {
      return {
        enrollmentIds: earlier.map((row) => row.id),
        certificateId: await this.certificates.issuedFor(earlier[0].id),
        evaluationRequired,
      };
    }
    await this.enrollments.lockOpenForCourse(input.membershipId, course.code);
    const completed = await this.enrollments.completeOpenForCourse(
      input.membershipId,
      course.code,
      input.at,
      input.sessionId,
    );
    for (const row of completed) {
      await this.audit.record({
        action: 'enrollment.completed',
        entityType: 'enrollment',
        entityId: row.id,
        changes: {
          status: { from: 'open', to: 'completed' },
          liveSessionId: { from: null, to: input.sessionId },
        },
      });
    }
    const ids = completed.map((row) => row.id).sort();
    let certificateId: string | null = null;
    if (ids.length > 0 && !evaluationRequired) {
      certificateId = await this.certificates.issueForLiveSession(
        { id: ids[0], membership_id: input.membershipId },
        course,
        { live_session_id: input.sessionId, completed_at: input.at, minutes: input.sessionMinutes },
      );
    }
    await this.sync.openNextCycles(ids, input.at);
    return { enrollmentIds: ids, certificateId, evaluationRequired };
  }

  /** Whether the session already credited the member (an enrollment completed or a certificate issued). */
  async credited(membershipId: string, sessionId: string): Promise<boolean> {
    return (await this.enrollments.completedByLiveSession(membershipId, sessionId)).length > 0;
  }
}
