import type { QuestionRow } from '@beacon/catalog';
import { attemptFeedback } from './attempt-feedback';
import type { DrawnQuestion } from './attempt.repository';

const OBJECTIVES = ['Define', 'Recognize', 'Report', 'Culture'];

/** Question `id` of the given objective; choice `${id}-right` is correct, `${id}-wrong` is not. */
function question(id: string, objective: number): QuestionRow {
  return {
    id,
    course_id: 'course',
    key: id,
    position: 1,
    objective,
    prompt: `Prompt ${id}`,
    explanation: `Explanation ${id}`,
    choices: [
      { id: `${id}-wrong`, position: 1, text: 'wrong', correct: false },
      { id: `${id}-right`, position: 2, text: 'right', correct: true },
    ],
  };
}

const bank = [question('a', 3), question('b', 0), question('c', 3), question('d', 1), question('e', 2)];
const drawn: DrawnQuestion[] = bank.map((q) => ({ questionId: q.id, choiceIds: q.choices.map((c) => c.id) }));
const right = (id: string) => ({ questionId: id, choiceId: `${id}-right` });
const wrong = (id: string) => ({ questionId: id, choiceId: `${id}-wrong` });

describe('the feedback on a submitted attempt', () => {
  it('names the objectives of wrong and unanswered questions in objective order, each once', () => {
    // a and c (Culture) wrong and unanswered, b (Define) wrong; d and e right.
    const feedback = attemptFeedback(
      drawn,
      [wrong('a'), wrong('b'), right('d'), right('e')],
      bank,
      OBJECTIVES,
      false,
    );
    expect(feedback.missedObjectives).toEqual(['Define', 'Culture']);
  });

  it('carries no explanation after a failed attempt', () => {
    const feedback = attemptFeedback(drawn, [wrong('a')], bank, OBJECTIVES, false);
    expect(feedback.missedQuestions).toEqual([]);
    expect(feedback.missedObjectives).toEqual(OBJECTIVES);
  });

  it('after a pass explains exactly the missed questions, in drawn order, without choice ids', () => {
    const feedback = attemptFeedback(
      drawn,
      [right('a'), right('b'), wrong('c'), right('d')],
      bank,
      OBJECTIVES,
      true,
    );
    expect(feedback).toEqual({
      missedObjectives: ['Report', 'Culture'],
      missedQuestions: [
        { questionId: 'c', prompt: 'Prompt c', objective: 'Culture', explanation: 'Explanation c' },
        { questionId: 'e', prompt: 'Prompt e', objective: 'Report', explanation: 'Explanation e' },
      ],
    });
    expect(JSON.stringify(feedback)).not.toMatch(/-right|-wrong|correct/);
  });

  it('names nothing when every answer is right', () => {
    const feedback = attemptFeedback(
      drawn,
      bank.map((q) => right(q.id)),
      bank,
      OBJECTIVES,
      true,
    );
    expect(feedback).toEqual({ missedObjectives: [], missedQuestions: [] });
  });
});
