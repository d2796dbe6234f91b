import { evenSplit, questionSplit } from '@beacon/catalog';
import { DrawableQuestion, drawAttempt } from './assessment-draw';
import type { DrawnQuestion } from './attempt.repository';

/** A bank with `perObjective[i]` questions of objective i, each with four choices. */
function bankOf(perObjective: number[]): DrawableQuestion[] {
  return perObjective.flatMap((count, objective) =>
    Array.from({ length: count }, (_, n) => ({
      id: `o${objective}-q${n}`,
      objective,
      choices: ['a', 'b', 'c', 'd'].map((c) => ({ id: `o${objective}-q${n}-${c}` })),
    })),
  );
}

function objectiveOf(bank: DrawableQuestion[]): (questionId: string) => number {
  const byId = new Map(bank.map((q) => [q.id, q.objective]));
  return (questionId) => byId.get(questionId) as number;
}

function countPerObjective(drawn: DrawnQuestion[], bank: DrawableQuestion[], objectives: number): number[] {
  const objective = objectiveOf(bank);
  const counts = Array.from({ length: objectives }, () => 0);
  for (const d of drawn) counts[objective(d.questionId)] += 1;
  return counts;
}

/** The times-drawn map after the given attempts, as the attempt repository answers it. */
function history(attempts: DrawnQuestion[][]): Map<string, number> {
  const times = new Map<string, number>();
  for (const d of attempts.flat()) times.set(d.questionId, (times.get(d.questionId) ?? 0) + 1);
  return times;
}

/** Draws `count` attempts of one enrollment in turn, each seeing the ones before. */
function drawSeries(bank: DrawableQuestion[], split: number[], count: number): DrawnQuestion[][] {
  const attempts: DrawnQuestion[][] = [];
  for (let i = 0; i < count; i += 1) attempts.push(drawAttempt(bank, split, history(attempts)));
  return attempts;
}

describe('the even split of an attempt over objectives', () => {
  it('gives each objective floor(n/k) and the first n mod k objectives one more', () => {
    expect(evenSplit(10, 4)).toEqual([3, 3, 2, 2]);
    expect(evenSplit(8, 4)).toEqual([2, 2, 2, 2]);
    expect(evenSplit(7, 3)).toEqual([3, 2, 2]);
    expect(evenSplit(2, 3)).toEqual([1, 1, 0]);
    for (const [n, k] of [
      [10, 4],
      [13, 5],
      [1, 1],
    ])
      expect(evenSplit(n, k).reduce((a, b) => a + b, 0)).toBe(n);
  });

  it("uses the course's configured split when it has one, else the even spread", () => {
    const objectives = ['a', 'b', 'c', 'd'];
    expect(
      questionSplit({ questions_per_attempt: 10, objectives, questions_per_objective: [4, 2, 2, 2] }),
    ).toEqual([4, 2, 2, 2]);
    expect(questionSplit({ questions_per_attempt: 10, objectives, questions_per_objective: null })).toEqual([
      3, 3, 2, 2,
    ]);
  });
});

describe('drawing an attempt', () => {
  it('draws exactly split[i] distinct questions of each objective, so every objective is assessed', () => {
    const bank = bankOf([8, 14, 11, 8]);
    for (const split of [evenSplit(10, 4), [4, 2, 2, 2], [1, 1, 1, 7]]) {
      for (let i = 0; i < 50; i += 1) {
        const drawn = drawAttempt(bank, split, new Map());
        expect(countPerObjective(drawn, bank, 4)).toEqual(split);
        expect(new Set(drawn.map((d) => d.questionId)).size).toBe(drawn.length);
      }
    }
  });

  it('repeats no question across 3 attempts of one enrollment when the bank holds 3 × the split', () => {
    const split = [3, 3, 2, 2];
    const bank = bankOf(split.map((n) => n * 3));
    for (let run = 0; run < 20; run += 1) {
      const attempts = drawSeries(bank, split, 3);
      const ids = attempts.flat().map((d) => d.questionId);
      expect(ids).toHaveLength(30);
      expect(new Set(ids).size).toBe(30);
    }
  });

  it('falls back to questions already seen only for an objective that has too few unseen left', () => {
    const split = [3, 3, 2, 2];
    // Objective 0 has 4 questions: the second attempt can show only one new one; the others have plenty.
    const bank = bankOf([4, 9, 6, 6]);
    const objective = objectiveOf(bank);
    for (let run = 0; run < 20; run += 1) {
      const [first, second] = drawSeries(bank, split, 2);
      const seenBefore = new Set(first.map((d) => d.questionId));
      const repeated = second.filter((d) => seenBefore.has(d.questionId));
      expect(repeated.map((d) => objective(d.questionId))).toEqual([0, 0]);
      // The one question of objective 0 not shown in the first attempt is in the second.
      const unseen = bank.filter((q) => q.objective === 0 && !seenBefore.has(q.id)).map((q) => q.id);
      expect(second.map((d) => d.questionId)).toEqual(expect.arrayContaining(unseen));
      expect(countPerObjective(second, bank, 4)).toEqual(split);
    }
  });

  it('repeats the questions shown least often first once an objective has none unseen', () => {
    const bank = bankOf([3]);
    const timesDrawn = new Map([
      ['o0-q0', 5],
      ['o0-q1', 2],
      ['o0-q2', 7],
    ]);
    for (let run = 0; run < 20; run += 1) {
      expect(drawAttempt(bank, [1], timesDrawn).map((d) => d.questionId)).toEqual(['o0-q1']);
      expect(
        drawAttempt(bank, [2], timesDrawn)
          .map((d) => d.questionId)
          .sort(),
      ).toEqual(['o0-q0', 'o0-q1']);
    }
  });

  it("shuffles the question order and each question's choices, keeping every choice", () => {
    const bank = bankOf([10, 10, 10, 10]);
    const objective = objectiveOf(bank);
    const draws = Array.from({ length: 30 }, () => drawAttempt(bank, [3, 3, 2, 2], new Map()));
    for (const drawn of draws)
      for (const d of drawn)
        expect([...d.choiceIds].sort()).toEqual(['a', 'b', 'c', 'd'].map((c) => `${d.questionId}-${c}`));
    // Not grouped by objective every time, and choices not always in bank order.
    const grouped = (drawn: DrawnQuestion[]) =>
      drawn.every((d, i) => i === 0 || objective(drawn[i - 1].questionId) <= objective(d.questionId));
    expect(draws.every(grouped)).toBe(false);
    expect(draws.flat().every((d) => d.choiceIds[0].endsWith('-a'))).toBe(false);
  });

  it('draws different questions on different occasions (random within an objective)', () => {
    const bank = bankOf([10, 10, 10, 10]);
    const sets = new Set(
      Array.from({ length: 10 }, () =>
        drawAttempt(bank, [3, 3, 2, 2], new Map())
          .map((d) => d.questionId)
          .sort()
          .join(),
      ),
    );
    expect(sets.size).toBeGreaterThan(1);
  });
});
