import { assertQuestionSplit, questionSplitErrors } from './question-split';
import type { CourseContent, QuestionContent } from './seed/course-content';
import { HT_101 } from './seed/ht-101.course';
import { HT_101_V1 } from './seed/ht-101-v1.course';

function question(objective: number, n: number): QuestionContent {
  return {
    key: `q-${objective}-${n}`,
    objective,
    prompt: `Question ${n} of objective ${objective}`,
    choices: [{ text: 'right', correct: true }, { text: 'wrong' }, { text: 'also wrong' }, { text: 'no' }],
    explanation: 'Because.',
  };
}

/** A course of 4 objectives with the given number of bank questions each and 10 questions per attempt. */
function course(perObjective: number[], questionsPerObjective?: number[]): CourseContent {
  return {
    ...HT_101,
    code: 'TEST-SPLIT',
    questionsPerAttempt: 10,
    questionsPerObjective,
    objectives: ['one', 'two', 'three', 'four'],
    questions: perObjective.flatMap((count, objective) =>
      Array.from({ length: count }, (_, n) => question(objective, n)),
    ),
  };
}

describe('publishing checks the per-objective draw', () => {
  it('accepts a split that matches the objectives, the attempt size and the bank', () => {
    expect(questionSplitErrors(course([9, 9, 6, 6], [3, 3, 2, 2]))).toEqual([]);
    expect(questionSplitErrors(course([3, 3, 2, 2]))).toEqual([]);
    expect(() => assertQuestionSplit(course([9, 9, 6, 6], [4, 2, 2, 2]))).not.toThrow();
  });

  it('accepts the HT-101 versions the seed ships', () => {
    expect(questionSplitErrors(HT_101_V1)).toEqual([]);
    expect(questionSplitErrors(HT_101)).toEqual([]);
  });

  it('refuses a split whose length is not the number of objectives', () => {
    expect(questionSplitErrors(course([9, 9, 6, 6], [4, 3, 3]))).toEqual([
      'questionsPerObjective has 3 entries for 4 objectives',
    ]);
  });

  it('refuses a split that does not add up to questionsPerAttempt', () => {
    expect(questionSplitErrors(course([9, 9, 6, 6], [3, 3, 3, 3]))).toEqual([
      'questionsPerObjective adds up to 12, not questionsPerAttempt (10)',
    ]);
  });

  it('refuses a negative or fractional share', () => {
    expect(questionSplitErrors(course([9, 9, 6, 6], [5.5, 2.5, 3, -1]))).toContain(
      'questionsPerObjective holds a value that is not a whole number of questions',
    );
  });

  it('refuses a share larger than the questions the bank holds for that objective, configured or even', () => {
    expect(questionSplitErrors(course([9, 1, 6, 6], [3, 3, 2, 2]))).toEqual([
      'objective 1 draws 3 questions per attempt but the bank holds 1',
    ]);
    expect(questionSplitErrors(course([2, 9, 6, 6]))).toEqual([
      'objective 0 draws 3 questions per attempt but the bank holds 2',
    ]);
  });

  it('refuses a question naming an objective the course does not have', () => {
    const content = course([3, 3, 2, 2]);
    content.questions.push(question(4, 0));
    expect(questionSplitErrors(content)).toEqual([
      'question q-4-0 names objective 4, which the course does not have',
    ]);
  });

  it('throws at seed time, naming the course, the version and each problem', () => {
    expect(() => assertQuestionSplit(course([9, 1, 6, 6], [3, 3, 2, 3]))).toThrow(
      `TEST-SPLIT version ${HT_101.version} cannot be published: questionsPerObjective adds up to 11, ` +
        'not questionsPerAttempt (10); objective 1 draws 3 questions per attempt but the bank holds 1',
    );
  });
});
