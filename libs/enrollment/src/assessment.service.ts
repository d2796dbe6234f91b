import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@beacon/core/database';
import { FieldError, Problems } from '@beacon/core/http';
import { Clock } from '@beacon/core/time';
import { AuditService } from '@beacon/audit';
import { CatalogService, QuestionRow, questionSplit } from '@beacon/catalog';
import { drawAttempt } from './assessment-draw';
import { attemptFeedback } from './attempt-feedback';
import { AttemptRepository, DrawnQuestion } from './attempt.repository';
import { CompletionCertificateService } from './completion-certificate.service';
import { AnswerDto, AttemptResultView, AttemptView } from './dto/enrollment.dto';
import { EnrollmentRepository } from './enrollment.repository';
import { EnrollmentSync } from './enrollment-sync.service';
import { EnrollmentsService, requireMembership } from './enrollments.service';

export function score(
  drawn: DrawnQuestion[],
  answers: AnswerDto[],
  correctChoice: Map<string, string>,
): number {
  const given = new Map(answers.map((a) => [a.questionId, a.choiceId]));
  const right = drawn.filter((q) => given.get(q.questionId) === correctChoice.get(q.questionId)).length;
  return drawn.length === 0 ? 0 : Math.round((right / drawn.length) * 100);
}

@Injectable()
export class AssessmentService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly enrollments: EnrollmentRepository,
    private readonly enrollmentsService: EnrollmentsService,
    private readonly attempts: AttemptRepository,
    private readonly catalog: CatalogService,
    private readonly certificates: CompletionCertificateService,
    private readonly audit: AuditService,
    private readonly sync: EnrollmentSync,
    private readonly clock: Clock,
  ) {}

  /** The open attempt if there is one (created: false), else a new draw (created: true). */
  async start(enrollmentId: string): Promise<{ created: boolean; attempt: AttemptView }> {
    requireMembership();
    return this.tx.run(async () => {
      const enrollment = await this.enrollmentsService.own(enrollmentId, true);
      const course = await this.catalog.forAssessment(enrollment.course_id);
      if (!course) throw Problems.notFound('course');
      // Checked before the open attempt: one left open here is void once the course was passed elsewhere.
      if (enrollment.status !== 'not_started' && enrollment.status !== 'in_progress') {
        throw Problems.conflict(`This enrollment is ${enrollment.status}.`);
      }
      const open = await this.attempts.findOpen(enrollmentId);
      if (open) return { created: false, attempt: present(open.id, open.questions, course.questions) };
      if (enrollment.modules_completed < enrollment.modules_total) {
        throw Problems.conflict('Complete every module before the assessment.');
      }
      if (enrollment.attempts_remaining <= 0) {
        throw Problems.conflict('No attempts are left. An educator can grant more.');
      }
      const drawn = drawAttempt(
        course.questions,
        questionSplit(course.course),
        await this.attempts.timesDrawn(enrollmentId),
      );
      const now = this.clock.now();
      const attemptId = await this.attempts.insert({
        enrollmentId,
        membershipId: enrollment.membership_id,
        courseId: enrollment.course_id,
        questions: drawn,
        now,
      });
      await this.enrollments.markStarted(enrollmentId, now);
      return { created: true, attempt: present(attemptId, drawn, course.questions) };
    });
  }

  /**
   * Scores a submission once. Passing completes every open enrollment of the member for the course and, unless the
   * course asks for the learner's evaluation first, issues the certificate, in the same transaction; recurring
   * cohorts open their next cycle.
   */
  async submit(enrollmentId: string, attemptId: string, answers: AnswerDto[]): Promise<AttemptResultView> {
    requireMembership();
    return this.tx.run(async () => {
      const found = await this.enrollmentsService.own(enrollmentId);
      await this.enrollments.lockForCompletion(found.membership_id, found.course_code, enrollmentId);
      // Read again under the lock: a pass through another cohort may have completed it meanwhile.
      const enrollment = await this.enrollmentsService.own(enrollmentId);
      const attempt = await this.attempts.find(enrollmentId, attemptId);
      if (!attempt) throw Problems.notFound('attempt');
      if (attempt.submitted_at) throw Problems.conflict('This attempt was submitted already.');
      // Passing through another cohort completed this enrollment: its open attempt must not certify again.
      if (enrollment.status !== 'not_started' && enrollment.status !== 'in_progress') {
        throw Problems.conflict(`This enrollment is ${enrollment.status}.`);
      }
      const course = await this.catalog.forAssessment(enrollment.course_id);
      if (!course) throw Problems.notFound('course');
      checkAnswers(attempt.questions, answers);

      const correct = new Map(
        course.questions.map((q) => [q.id, q.choices.find((c) => c.correct)?.id ?? '']),
      );
      const result = score(attempt.questions, answers, correct);
      const passed = result >= course.course.passing_score;
      const now = this.clock.now();
      if (!(await this.attempts.submit(attemptId, answers, result, passed, now))) {
        throw Problems.conflict('This attempt was submitted already.');
      }
      await this.audit.record({
        action: 'attempt.submitted',
        entityType: 'attempt',
        entityId: attemptId,
        changes: { score: { from: null, to: result }, passed: { from: null, to: passed } },
      });

      let certificateId: string | null = null;
      const evaluationRequired = passed && course.course.requires_evaluation;
      if (passed) {
        const completed = await this.enrollments.completeOpenForCourse(
          enrollment.membership_id,
          enrollment.course_code,
          now,
        );
        for (const row of completed) {
          await this.audit.record({
            action: 'enrollment.completed',
            entityType: 'enrollment',
            entityId: row.id,
            changes: {
              status: { from: row.id === enrollmentId ? enrollment.status : 'open', to: 'completed' },
            },
          });
        }
        if (!evaluationRequired) {
          certificateId = await this.certificates.issue(enrollment, course.course, {
            id: attemptId,
            submitted_at: now,
          });
        }
        await this.sync.openNextCycles(
          completed.map((row) => row.id),
          now,
        );
      }
      const { attempts_remaining: remaining } = await this.enrollmentsService.own(enrollmentId);
      return {
        score: result,
        passed,
        attemptsRemaining: remaining,
        certificateId,
        evaluationRequired,
        ...attemptFeedback(attempt.questions, answers, course.questions, course.course.objectives, passed),
      };
    });
  }
}

/** Shows the drawn questions in their drawn order, without any hint of which choice is correct. */
function present(attemptId: string, drawn: DrawnQuestion[], bank: QuestionRow[]): AttemptView {
  const byId = new Map(bank.map((q) => [q.id, q]));
  return {
    attemptId,
    questions: drawn.map((d) => {
      const question = byId.get(d.questionId) as QuestionRow;
      const choices = new Map(question.choices.map((c) => [c.id, c.text]));
      return {
        id: question.id,
        prompt: question.prompt,
        choices: d.choiceIds.map((id) => ({ id, text: choices.get(id) ?? '' })),
      };
    }),
  };
}

/** Every answer must name a question of this attempt, once, and one of that question's choices. */
function checkAnswers(drawn: DrawnQuestion[], answers: AnswerDto[]): void {
  const choicesOf = new Map(drawn.map((d) => [d.questionId, new Set(d.choiceIds)]));
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  answers.forEach((answer, index) => {
    const choices = choicesOf.get(answer.questionId);
    if (!choices)
      errors.push({
        field: `answers.${index}.questionId`,
        message: 'questionId is not a question of this attempt',
      });
    else if (seen.has(answer.questionId))
      errors.push({ field: `answers.${index}.questionId`, message: 'questionId is answered twice' });
    else if (!choices.has(answer.choiceId))
      errors.push({
        field: `answers.${index}.choiceId`,
        message: 'choiceId is not a choice of that question',
      });
    seen.add(answer.questionId);
  });
  if (errors.length > 0) throw Problems.invalid(errors);
}
