import type { QuestionRow } from '@beacon/catalog';
import type { DrawnQuestion } from './attempt.repository';
import type { AnswerDto, MissedQuestionView } from './dto/enrollment.dto';

export interface AttemptFeedback {
  missedObjectives: string[];
  missedQuestions: MissedQuestionView[];
}

/**
 * What a submitted attempt tells the learner about what they missed (answered wrong or left out): the objectives,
 * in objective order, each once; and, only after a pass, each missed question's explanation. The feedback never
 * names the correct choice, so a learner who failed cannot collect the key for the next attempt.
 */
export function attemptFeedback(
  drawn: readonly DrawnQuestion[],
  answers: readonly AnswerDto[],
  bank: readonly QuestionRow[],
  objectives: readonly string[],
  passed: boolean,
): AttemptFeedback {
  const given = new Map(answers.map((a) => [a.questionId, a.choiceId]));
  const byId = new Map(bank.map((q) => [q.id, q]));
  const missed = drawn
    .map((d) => byId.get(d.questionId))
    .filter((q): q is QuestionRow => q !== undefined)
    .filter((q) => given.get(q.id) !== (q.choices.find((c) => c.correct)?.id ?? ''));
  const objectiveText = (index: number) => objectives[index] ?? String(index);
  return {
    missedObjectives: [...new Set(missed.map((q) => q.objective))].sort((a, b) => a - b).map(objectiveText),
    missedQuestions: passed
      ? missed.map((q) => ({
          questionId: q.id,
          prompt: q.prompt,
          objective: objectiveText(q.objective),
          explanation: q.explanation,
        }))
      : [],
  };
}
