import { Injectable } from '@nestjs/common';
import type { CourseRow } from '@beacon/catalog';
import { CertificatesService } from '@beacon/certificates';
import { EnrollmentRepository, EnrollmentRow, LiveCompletion } from './enrollment.repository';
import { MemberContactRepository } from './member-contact.repository';

/** Issues the certificate of a passed enrollment (at the pass, or after the evaluation the course requires). */
@Injectable()
export class CompletionCertificateService {
  constructor(
    private readonly enrollments: EnrollmentRepository,
    private readonly certificates: CertificatesService,
    private readonly contacts: MemberContactRepository,
  ) {}

  /** In the caller's transaction; `passedAt` is the completion date the certificate states. */
  async issue(
    enrollment: Pick<EnrollmentRow, 'id' | 'membership_id'>,
    course: Pick<CourseRow, 'id' | 'credit_types'>,
    attempt: { id: string; submitted_at: Date },
  ): Promise<string> {
    return this.issueWith(enrollment, course, {
      completedAt: attempt.submitted_at,
      timeSpentMinutes: await this.enrollments.timeSpentMinutes(enrollment.id, attempt.id),
      liveSessionId: null,
    });
  }

  /**
   * The certificate of credit earned by attending a live session (in the caller's transaction): dated at the
   * attendance, the session's length as the time spent, marked with the session.
   */
  issueForLiveSession(
    enrollment: Pick<EnrollmentRow, 'id' | 'membership_id'>,
    course: Pick<CourseRow, 'id' | 'credit_types'>,
    live: LiveCompletion,
  ): Promise<string> {
    return this.issueWith(enrollment, course, {
      completedAt: live.completed_at,
      timeSpentMinutes: live.minutes,
      liveSessionId: live.live_session_id,
    });
  }

  private async issueWith(
    enrollment: Pick<EnrollmentRow, 'id' | 'membership_id'>,
    course: Pick<CourseRow, 'id' | 'credit_types'>,
    completion: { completedAt: Date; timeSpentMinutes: number; liveSessionId: string | null },
  ): Promise<string> {
    const contact = await this.contacts.forMembership(enrollment.membership_id);
    const certificate = await this.certificates.issue({
      enrollmentId: enrollment.id,
      courseId: course.id,
      courseCreditTypes: course.credit_types,
      ...completion,
      recipientEmail: contact.email,
      recipientUserId: contact.user_id,
    });
    return certificate.id;
  }

  /** The certificate already issued for the enrollment, if any (in the caller's transaction). */
  issuedFor(enrollmentId: string): Promise<string | null> {
    return this.certificates.issuedFor(enrollmentId);
  }
}
