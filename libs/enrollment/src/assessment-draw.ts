import { randomInt } from 'node:crypto';
import type { DrawnQuestion } from './attempt.repository';

/** Fisher–Yates with a cryptographic source, so the draw and the choice order cannot be predicted. */
export function shuffle<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** What the draw needs of a bank question. */
export interface DrawableQuestion {
  id: string;
  /** Index into the course's objectives. */
  objective: number;
  choices: ReadonlyArray<{ id: string }>;
}

/**
 * Draws an attempt: `split[i]` questions of objective i, so every attempt assesses every objective. Within an
 * objective the questions this enrollment was shown least often come first (unseen before seen), ties broken at
 * random, so a retake meets new questions while the bank has them and repeats only once an objective runs out
 * (e.g. after granted extra attempts). The final order and each question's choices are shuffled.
 *
 * `timesDrawn`: how often each question id appeared in the enrollment's earlier attempts (absent: never).
 */
export function drawAttempt(
  bank: readonly DrawableQuestion[],
  split: readonly number[],
  timesDrawn: ReadonlyMap<string, number>,
): DrawnQuestion[] {
  const seen = (q: DrawableQuestion) => timesDrawn.get(q.id) ?? 0;
  const picked = split.flatMap((count, objective) =>
    // Shuffled first: the sort is stable, so questions drawn equally often stay in random order.
    shuffle(bank.filter((q) => q.objective === objective))
      .sort((a, b) => seen(a) - seen(b))
      .slice(0, count),
  );
  return shuffle(picked).map((q) => ({ questionId: q.id, choiceIds: shuffle(q.choices.map((c) => c.id)) }));
}
