import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@beacon/core/config';
import { TenantTransaction } from '@beacon/core/database';
import { DEFAULT_PAGE_SIZE, decodeCursor, Page, PageQuery, Problems, toPage } from '@beacon/core/http';
import { Clock } from '@beacon/core/time';
import { CourseRepository, CourseRow, ModuleRow, QuestionRow } from './course.repository';
import { CourseDetailView, CourseView, QuestionKeyView } from './dto/course.dto';
import { questionSplit } from './question-split';

/** What the learner's path needs of a course, answer key included; never returned by an endpoint as is. */
export interface CourseForAssessment {
  course: CourseRow;
  modules: ModuleRow[];
  questions: QuestionRow[];
}

/** Whether a new cohort may take a course version, and if not, why. */
export type CourseForCohort =
  | { state: 'unknown' }
  | { state: 'current'; course: CourseRow }
  | { state: 'superseded'; course: CourseRow; current: CourseRow | null }
  | { state: 'expired'; course: CourseRow };

@Injectable()
export class CatalogService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly courses: CourseRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  list(query: PageQuery): Promise<Page<CourseView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor);
    return this.tx.platform(async () => {
      const rows = await this.courses.listPublished(after, limit, this.today());
      const modules = await this.courses.modules(rows.map((row) => row.id));
      return toPage(
        rows,
        limit,
        (row) => ({ at: row.cursor_at, id: row.id }),
        (row) => ({
          ...this.view(row),
          modules: modules
            .filter((m) => m.course_id === row.id)
            .map((m) => ({
              id: m.id,
              position: m.position,
              title: m.title,
              estimatedMinutes: m.estimated_minutes,
            })),
        }),
      );
    });
  }

  get(id: string): Promise<CourseDetailView> {
    return this.tx.platform(async () => {
      const row = await this.courses.findById(id);
      if (!row || row.status === 'draft') throw Problems.notFound('course');
      const modules = await this.courses.modules([id]);
      return {
        ...this.view(row),
        modules: modules.map((m) => ({
          id: m.id,
          position: m.position,
          title: m.title,
          estimatedMinutes: m.estimated_minutes,
          body: m.body,
        })),
      };
    });
  }

  questionBank(id: string): Promise<{ items: QuestionKeyView[]; nextCursor: null }> {
    return this.tx.platform(async () => {
      const row = await this.courses.findById(id);
      if (!row) throw Problems.notFound('course');
      const questions = await this.courses.questions(id);
      return {
        items: questions.map((q) => ({
          id: q.id,
          prompt: q.prompt,
          objective: row.objectives[q.objective] ?? String(q.objective),
          choices: q.choices.map((c) => ({ id: c.id, text: c.text, correct: c.correct })),
          explanation: q.explanation,
        })),
        nextCursor: null,
      };
    });
  }

  /** Runs in the caller's transaction (platform tables are readable from any organization's context). */
  async forAssessment(courseId: string): Promise<CourseForAssessment | null> {
    const course = await this.courses.findById(courseId);
    if (!course) return null;
    const [modules, questions] = [
      await this.courses.modules([courseId]),
      await this.courses.questions(courseId),
    ];
    return { course, modules, questions };
  }

  /** Runs in the caller's transaction: a course by id, whatever its status (enrollments keep their version). */
  find(courseId: string): Promise<CourseRow | null> {
    return this.courses.findById(courseId);
  }

  /**
   * Runs in the caller's transaction: whether a new cohort may take the course. Only the current version that has
   * not expired may; a superseded one names its successor (open enrollments keep their version regardless).
   */
  async forNewCohort(courseId: string): Promise<CourseForCohort> {
    const course = await this.courses.findById(courseId);
    if (!course || course.status === 'draft') return { state: 'unknown' };
    if (course.status === 'retired')
      return { state: 'superseded', course, current: await this.courses.findCurrent(course.code) };
    if (course.expires_on !== null && course.expires_on < this.today()) return { state: 'expired', course };
    return { state: 'current', course };
  }

  /** The clock's calendar day in UTC: expiry dates are days, not instants. */
  private today(): string {
    return this.clock.now().toISOString().slice(0, 10);
  }

  private view(row: CourseRow): Omit<CourseView, 'modules'> {
    return {
      id: row.id,
      code: row.code,
      title: row.title,
      description: row.description,
      version: row.version,
      creditHours: Number(row.credit_hours),
      creditTypes: row.credit_types,
      passingScore: row.passing_score,
      maxAttempts: row.max_attempts,
      questionsPerAttempt: row.questions_per_attempt,
      objectives: row.objectives,
      questionsPerObjective: questionSplit(row),
      accreditationStatements: row.accreditation_statements,
      requiresEvaluation: row.requires_evaluation,
      providerName: this.config.providerName,
      providerAddress: this.config.providerAddress,
      sources: row.sources,
      faculty: row.faculty,
      disclosures: row.disclosures,
      releaseDate: row.release_date,
      expiresOn: row.expires_on,
      contactHourMethod: row.contact_hour_method,
      targetAudience: row.target_audience,
    };
  }
}
