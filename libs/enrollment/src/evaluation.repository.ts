import { Injectable } from '@nestjs/common';
import { ExecutionContext, one } from '@beacon/core/database';

export interface NewEvaluation {
  enrollmentId: string;
  membershipId: string;
  courseId: string;
  objectivesMet: number;
  relevantToPractice: number;
  commercialBias: boolean;
  comments: string | null;
  now: Date;
}

/** Learners' evaluations of an activity, kept per course for the provider; one per enrollment. */
@Injectable()
export class EvaluationRepository {
  /** False when the enrollment was evaluated already (its unique key). */
  async insert(input: NewEvaluation): Promise<boolean> {
    const row = await one<{ id: string }>(
      `INSERT INTO course_evaluations (organization_id, course_id, enrollment_id, membership_id, objectives_met,
                                       relevant_to_practice, commercial_bias, comments, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (organization_id, enrollment_id) DO NOTHING
       RETURNING id`,
      [
        ExecutionContext.organizationId(),
        input.courseId,
        input.enrollmentId,
        input.membershipId,
        input.objectivesMet,
        input.relevantToPractice,
        input.commercialBias,
        input.comments,
        input.now,
      ],
    );
    return row !== null;
  }
}
