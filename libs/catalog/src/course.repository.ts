import { Injectable } from '@nestjs/common';
import { affected, one, rows } from '@beacon/core/database';
import { afterCursor, type CursorPosition, newestFirst } from '@beacon/core/http';
import type {
  ContactHourMethod,
  CourseContent,
  CourseSource,
  Disclosures,
  FacultyMember,
} from './seed/course-content';

export interface CourseRow {
  id: string;
  code: string;
  version: number;
  title: string;
  description: string;
  credit_hours: string;
  credit_types: string[];
  passing_score: number;
  max_attempts: number;
  questions_per_attempt: number;
  objectives: string[];
  accreditation_statements: string[];
  requires_evaluation: boolean;
  sources: CourseSource[];
  faculty: FacultyMember[];
  disclosures: Disclosures | null;
  /** YYYY-MM-DD. */
  release_date: string | null;
  /** YYYY-MM-DD, the last day the course takes new cohorts. */
  expires_on: string | null;
  contact_hour_method: ContactHourMethod | null;
  target_audience: string | null;
  /** null: spread evenly (question-split.ts). */
  questions_per_objective: number[] | null;
  status: 'draft' | 'published' | 'retired';
  created_at: Date;
  cursor_at: string;
}

export interface ModuleRow {
  id: string;
  course_id: string;
  key: string;
  position: number;
  title: string;
  estimated_minutes: number;
  body: string;
}

export interface QuestionRow {
  id: string;
  course_id: string;
  key: string;
  position: number;
  objective: number;
  prompt: string;
  explanation: string;
  choices: Array<{ id: string; position: number; text: string; correct: boolean }>;
}

// Dates as text: the pg driver would parse a date into a JS Date at local midnight, shifting it in other time zones.
const COURSE_COLUMNS = `id, code, version, title, description, credit_hours, credit_types, passing_score, max_attempts,
  questions_per_attempt, objectives, accreditation_statements, requires_evaluation, sources, faculty, disclosures,
  to_char(release_date, 'YYYY-MM-DD') AS release_date, to_char(expires_on, 'YYYY-MM-DD') AS expires_on,
  contact_hour_method, target_audience, questions_per_objective, status, created_at, created_at::text AS cursor_at`;

/** The catalog is a platform table set: courses, their modules and the question bank, versioned by code. */
@Injectable()
export class CourseRepository {
  async findById(id: string): Promise<CourseRow | null> {
    return one<CourseRow>(`SELECT ${COURSE_COLUMNS} FROM courses WHERE id = $1`, [id]);
  }

  async findVersion(code: string, version: number): Promise<CourseRow | null> {
    return one<CourseRow>(`SELECT ${COURSE_COLUMNS} FROM courses WHERE code = $1 AND version = $2`, [
      code,
      version,
    ]);
  }

  /** The published version of the code, if there is one. */
  async findCurrent(code: string): Promise<CourseRow | null> {
    return one<CourseRow>(`SELECT ${COURSE_COLUMNS} FROM courses WHERE code = $1 AND status = 'published'`, [
      code,
    ]);
  }

  /** The current versions that have not expired on `today` (YYYY-MM-DD). */
  async listPublished(after: CursorPosition | null, limit: number, today: string): Promise<CourseRow[]> {
    const params: unknown[] = [today];
    const where = [`status = 'published'`, '(expires_on IS NULL OR expires_on >= $1::date)'];
    if (after) where.push(afterCursor(after, params));
    return rows<CourseRow>(
      `SELECT ${COURSE_COLUMNS} FROM courses WHERE ${where.join(' AND ')}
        ${newestFirst(limit, params)}`,
      params,
    );
  }

  async modules(courseIds: string[]): Promise<ModuleRow[]> {
    return rows<ModuleRow>(
      `SELECT id, course_id, key, position, title, estimated_minutes, body FROM course_modules
        WHERE course_id = ANY ($1::uuid[]) ORDER BY course_id, position`,
      [courseIds],
    );
  }

  async questions(courseId: string): Promise<QuestionRow[]> {
    return rows<QuestionRow>(
      `SELECT q.id, q.course_id, q.key, q.position, q.objective, q.prompt, q.explanation,
              json_agg(json_build_object('id', c.id, 'position', c.position, 'text', c.text, 'correct', c.correct)
                       ORDER BY c.position) AS choices
         FROM questions q JOIN question_choices c ON c.question_id = q.id
        WHERE q.course_id = $1
        GROUP BY q.id ORDER BY q.position`,
      [courseId],
    );
  }

  /** Takes a transaction-level advisory lock: held until the seeding transaction ends. */
  async lockSeeding(key: number): Promise<void> {
    await one('SELECT pg_advisory_xact_lock($1)', [key]);
  }

  async setAccreditationStatements(id: string, statements: string[]): Promise<void> {
    await affected('UPDATE courses SET accreditation_statements = $2 WHERE id = $1', [id, statements]);
  }

  /** Publishes a new version: the previous published version of the code is retired, never rewritten. */
  async publish(content: CourseContent, accreditationStatements: string[]): Promise<string> {
    const activity = content.activity;
    await affected(`UPDATE courses SET status = 'retired' WHERE code = $1 AND status = 'published'`, [
      content.code,
    ]);
    const [course] = await rows<{ id: string }>(
      `INSERT INTO courses (code, version, title, description, credit_hours, credit_types, passing_score, max_attempts,
                            questions_per_attempt, objectives, accreditation_statements, requires_evaluation,
                            sources, faculty, disclosures, release_date, expires_on, contact_hour_method,
                            target_audience, questions_per_objective, status, published_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
               'published', now()) RETURNING id`,
      [
        content.code,
        content.version,
        content.title,
        content.description,
        content.creditHours,
        content.creditTypes,
        content.passingScore,
        content.maxAttempts,
        content.questionsPerAttempt,
        content.objectives,
        accreditationStatements,
        content.requiresEvaluation,
        JSON.stringify(activity?.sources ?? []),
        JSON.stringify(activity?.faculty ?? []),
        activity ? JSON.stringify(activity.disclosures) : null,
        activity?.releaseDate ?? null,
        activity?.expiresOn ?? null,
        activity ? JSON.stringify(activity.contactHourMethod) : null,
        activity?.targetAudience ?? null,
        content.questionsPerObjective ?? null,
      ],
    );
    await affected(
      `INSERT INTO course_modules (course_id, key, position, title, estimated_minutes, body)
       SELECT $1, m.value ->> 'key', m.ordinality, m.value ->> 'title', (m.value ->> 'estimated_minutes')::integer,
              m.value ->> 'body'
         FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS m(value, ordinality)`,
      [
        course.id,
        JSON.stringify(
          content.modules.map((m) => ({
            key: m.key,
            title: m.title,
            estimated_minutes: m.estimatedMinutes,
            body: m.body,
          })),
        ),
      ],
    );
    await affected(
      `WITH src AS (
         SELECT q.value ->> 'key' AS key, (q.value ->> 'objective')::integer AS objective, q.value ->> 'prompt' AS prompt,
                q.value ->> 'explanation' AS explanation, q.value -> 'choices' AS choices, q.ordinality AS position
           FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS q(value, ordinality)
       ), inserted AS (
         INSERT INTO questions (course_id, key, position, objective, prompt, explanation)
         SELECT $1, key, position, objective, prompt, explanation FROM src
         RETURNING id, key
       )
       INSERT INTO question_choices (question_id, position, text, correct)
       SELECT inserted.id, c.ordinality, c.value ->> 'text', coalesce((c.value ->> 'correct')::boolean, false)
         FROM inserted JOIN src ON src.key = inserted.key
         CROSS JOIN LATERAL jsonb_array_elements(src.choices) WITH ORDINALITY AS c(value, ordinality)`,
      [course.id, JSON.stringify(content.questions)],
    );
    return course.id;
  }
}
