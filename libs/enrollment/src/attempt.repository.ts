import { Injectable } from '@nestjs/common';
import { affected, ExecutionContext, one, rows } from '@beacon/core/database';

/** The questions drawn for an attempt, each with its choices in the order the learner sees them. */
export interface DrawnQuestion {
  questionId: string;
  choiceIds: string[];
}

export interface AttemptRow {
  id: string;
  enrollment_id: string;
  questions: DrawnQuestion[];
  submitted_at: Date | null;
  score: number | null;
  passed: boolean | null;
}

@Injectable()
export class AttemptRepository {
  async findOpen(enrollmentId: string): Promise<AttemptRow | null> {
    return one<AttemptRow>(
      `SELECT id, enrollment_id, questions, submitted_at, score, passed FROM assessment_attempts
        WHERE enrollment_id = $1 AND submitted_at IS NULL`,
      [enrollmentId],
    );
  }

  async find(enrollmentId: string, attemptId: string): Promise<AttemptRow | null> {
    return one<AttemptRow>(
      `SELECT id, enrollment_id, questions, submitted_at, score, passed FROM assessment_attempts
        WHERE id = $1 AND enrollment_id = $2 FOR UPDATE`,
      [attemptId, enrollmentId],
    );
  }

  /**
   * How often each question was drawn in the enrollment's submitted attempts (questions never drawn are absent).
   * A new draw happens only when no attempt is open, so these are all the earlier ones.
   */
  async timesDrawn(enrollmentId: string): Promise<Map<string, number>> {
    const drawn = await rows<{ question_id: string; times: number }>(
      `SELECT q.value ->> 'questionId' AS question_id, count(*)::int AS times
         FROM assessment_attempts a CROSS JOIN LATERAL jsonb_array_elements(a.questions) AS q(value)
        WHERE a.enrollment_id = $1 AND a.submitted_at IS NOT NULL
        GROUP BY 1`,
      [enrollmentId],
    );
    return new Map(drawn.map((row) => [row.question_id, row.times]));
  }

  async insert(input: {
    enrollmentId: string;
    membershipId: string;
    courseId: string;
    questions: DrawnQuestion[];
    now: Date;
  }): Promise<string> {
    const [inserted] = await rows<{ id: string }>(
      `INSERT INTO assessment_attempts (organization_id, enrollment_id, membership_id, course_id, questions, started_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        ExecutionContext.organizationId(),
        input.enrollmentId,
        input.membershipId,
        input.courseId,
        JSON.stringify(input.questions),
        input.now,
      ],
    );
    return inserted.id;
  }

  async submit(id: string, answers: unknown, score: number, passed: boolean, now: Date): Promise<boolean> {
    const count = await affected(
      `UPDATE assessment_attempts SET answers = $2, score = $3, passed = $4, submitted_at = $5
        WHERE id = $1 AND submitted_at IS NULL`,
      [id, JSON.stringify(answers), score, passed, now],
    );
    return count > 0;
  }

  /** The attempt that passed the enrollment's assessment, if one did. */
  async findPassed(enrollmentId: string): Promise<{ id: string; submitted_at: Date } | null> {
    return one<{ id: string; submitted_at: Date }>(
      `SELECT id, submitted_at FROM assessment_attempts
        WHERE enrollment_id = $1 AND passed ORDER BY submitted_at DESC LIMIT 1`,
      [enrollmentId],
    );
  }
}
