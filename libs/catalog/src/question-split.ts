import type { CourseContent } from './seed/course-content';

/**
 * `perAttempt` questions spread over `objectives` as evenly as possible, the earlier objectives taking the
 * remainder: 10 over 4 is 3/3/2/2.
 */
export function evenSplit(perAttempt: number, objectives: number): number[] {
  const base = Math.floor(perAttempt / objectives);
  const remainder = perAttempt % objectives;
  return Array.from({ length: objectives }, (_, i) => base + (i < remainder ? 1 : 0));
}

/** How many questions an attempt draws per objective: the course's own split, else the even spread. */
export function questionSplit(course: {
  questions_per_attempt: number;
  objectives: string[];
  questions_per_objective: number[] | null;
}): number[] {
  return course.questions_per_objective ?? evenSplit(course.questions_per_attempt, course.objectives.length);
}

/**
 * What is wrong with a course's draw before it is published: a split that does not match the objectives or the
 * attempt size, or asks more of an objective than the bank holds (every attempt must assess every objective).
 */
export function questionSplitErrors(content: CourseContent): string[] {
  const objectives = content.objectives.length;
  const errors: string[] = [];
  for (const question of content.questions) {
    if (!Number.isInteger(question.objective) || question.objective < 0 || question.objective >= objectives)
      errors.push(
        `question ${question.key} names objective ${question.objective}, which the course does not have`,
      );
  }
  const configured = content.questionsPerObjective;
  if (configured) {
    if (configured.length !== objectives)
      errors.push(`questionsPerObjective has ${configured.length} entries for ${objectives} objectives`);
    if (configured.some((n) => !Number.isInteger(n) || n < 0))
      errors.push('questionsPerObjective holds a value that is not a whole number of questions');
    const sum = configured.reduce((total, n) => total + n, 0);
    if (sum !== content.questionsPerAttempt)
      errors.push(
        `questionsPerObjective adds up to ${sum}, not questionsPerAttempt (${content.questionsPerAttempt})`,
      );
  }
  const split = configured ?? evenSplit(content.questionsPerAttempt, objectives);
  split.forEach((wanted, objective) => {
    const held = content.questions.filter((q) => q.objective === objective).length;
    if (wanted > held)
      errors.push(`objective ${objective} draws ${wanted} questions per attempt but the bank holds ${held}`);
  });
  return errors;
}

/** Refuses to publish a course whose draw cannot work: a programming error in the seed, caught at start-up. */
export function assertQuestionSplit(content: CourseContent): void {
  const errors = questionSplitErrors(content);
  if (errors.length > 0)
    throw new Error(`${content.code} version ${content.version} cannot be published: ${errors.join('; ')}`);
}
