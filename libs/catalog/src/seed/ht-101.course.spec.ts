import { HT_101 } from './ht-101.course';

const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function wordCount(markdown: string): number {
  return markdown.split(/\s+/).filter(Boolean).length;
}

function correctIndex(choices: Array<{ correct?: true }>): number {
  return choices.findIndex((choice) => choice.correct === true);
}

/** Module titles and bodies, lower-cased, for topic look-ups. */
const moduleText = HT_101.modules.map((m) => `${m.title}\n${m.body}`.toLowerCase()).join('\n');

describe('HT-101 course content', () => {
  describe('CE metadata', () => {
    it('is a one-hour course with a disclosed 70% pass mark, 3 attempts and 10 questions per attempt', () => {
      expect(HT_101).toMatchObject({
        code: 'HT-101',
        version: 2,
        title: 'Human Trafficking: what do healthcare providers need to know?',
        creditHours: 1.0,
        passingScore: 70,
        maxAttempts: 3,
        questionsPerAttempt: 10,
      });
      expect(HT_101.creditTypes).toEqual(['nursing_contact_hours']);
      expect(HT_101.description.trim().length).toBeGreaterThan(0);
    });

    it('has enough questions in the bank to fill an attempt', () => {
      expect(HT_101.questions.length).toBeGreaterThanOrEqual(HT_101.questionsPerAttempt);
    });
  });

  describe('objectives', () => {
    it('keeps the 4 learning objectives of the course page, in order', () => {
      expect(HT_101.objectives).toHaveLength(4);
      expect(HT_101.objectives[0]).toMatch(/define/i);
      expect(HT_101.objectives[1]).toMatch(/role of the healthcare provider/i);
      expect(HT_101.objectives[2]).toMatch(/report/i);
      expect(HT_101.objectives[3]).toMatch(/cultural/i);
    });
  });

  describe('modules', () => {
    it('has at least 6 modules with unique kebab-case keys', () => {
      const keys = HT_101.modules.map((m) => m.key);
      expect(keys.length).toBeGreaterThanOrEqual(6);
      expect(new Set(keys).size).toBe(keys.length);
      for (const key of keys) expect(key).toMatch(KEBAB_CASE);
    });

    it('gives every module a title and a non-empty Markdown body with headings', () => {
      for (const m of HT_101.modules) {
        expect(m.title.trim()).not.toBe('');
        expect(m.body.trim()).not.toBe('');
        expect(m.body).toMatch(/^#{2,3} /m);
      }
    });

    it('keeps every module body between 350 and 900 words', () => {
      for (const m of HT_101.modules) {
        const words = wordCount(m.body);
        expect({ key: m.key, tooShort: words < 350, tooLong: words > 900 }).toEqual({
          key: m.key,
          tooShort: false,
          tooLong: false,
        });
      }
    });

    it('estimates 45 to 50 minutes of reading in total, leaving the rest of the hour for the assessment', () => {
      const minutes = HT_101.modules.reduce((sum, m) => sum + m.estimatedMinutes, 0);
      expect(minutes).toBeGreaterThanOrEqual(45);
      expect(minutes).toBeLessThanOrEqual(50);
      for (const m of HT_101.modules) expect(m.estimatedMinutes).toBeGreaterThan(0);
    });

    it('gives the National Human Trafficking Hotline number in the module text', () => {
      expect(HT_101.modules.some((m) => m.body.includes('1-888-373-7888'))).toBe(true);
    });

    it.each([
      ['the definition of human trafficking', 'definition'],
      ['vulnerability factors', 'vulnerab'],
      ['myths and misconceptions', 'myth'],
      ['warning signs', 'warning sign'],
      ['protocols: privacy, questioning and interpreters', 'interpreter'],
      ['a trauma-informed approach', 'trauma-informed'],
      ['resources such as hotline numbers', 'hotline'],
      ['cultural considerations', 'cultur'],
    ])('covers the course-page highlight on %s', (_topic, keyword) => {
      expect(moduleText).toContain(keyword);
    });
  });

  describe('assessment questions', () => {
    it('has at least 20 questions with unique keys', () => {
      const keys = HT_101.questions.map((q) => q.key);
      expect(keys.length).toBeGreaterThanOrEqual(20);
      expect(new Set(keys).size).toBe(keys.length);
      for (const key of keys) expect(key).toMatch(KEBAB_CASE);
    });

    it('gives every question a prompt, 4 distinct choices and exactly one correct answer', () => {
      for (const q of HT_101.questions) {
        expect(q.prompt.trim()).not.toBe('');
        expect(q.choices).toHaveLength(4);
        const texts = q.choices.map((c) => c.text.trim());
        expect(texts.every((t) => t.length > 0)).toBe(true);
        expect(new Set(texts).size).toBe(4);
        expect({ key: q.key, correct: q.choices.filter((c) => c.correct === true).length }).toEqual({
          key: q.key,
          correct: 1,
        });
      }
    });

    it('links every question to a valid objective and explains the answer', () => {
      for (const q of HT_101.questions) {
        expect(Number.isInteger(q.objective)).toBe(true);
        expect(q.objective).toBeGreaterThanOrEqual(0);
        expect(q.objective).toBeLessThan(HT_101.objectives.length);
        expect(q.explanation.trim()).not.toBe('');
      }
    });

    it('assesses every objective with at least 4 questions', () => {
      HT_101.objectives.forEach((_objective, index) => {
        const count = HT_101.questions.filter((q) => q.objective === index).length;
        expect({ objective: index, atLeastFour: count >= 4 }).toEqual({
          objective: index,
          atLeastFour: true,
        });
      });
    });

    it('uses no "all of the above" or "none of the above" choices', () => {
      for (const q of HT_101.questions) {
        for (const c of q.choices) expect(c.text).not.toMatch(/\b(all|none|both) of the (above|these)\b/i);
      }
    });

    it('places the correct answer in every position, so its position gives nothing away', () => {
      const positions = new Set(HT_101.questions.map((q) => correctIndex(q.choices)));
      expect([...positions].sort()).toEqual([0, 1, 2, 3]);
    });

    it('does not make the correct answer the longest choice in most questions', () => {
      const strictlyLongest = HT_101.questions.filter((q) => {
        const lengths = q.choices.map((c) => c.text.length);
        const correctLength = lengths[correctIndex(q.choices)];
        return lengths.every((length, i) => i === correctIndex(q.choices) || length < correctLength);
      });
      expect(strictlyLongest.length).toBeLessThan(HT_101.questions.length / 2);
    });
  });
});
