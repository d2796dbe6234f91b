import { createHash } from 'node:crypto';
import type { QuestionContent } from './course-content';
import { EVALUATION_MINUTES, HT_101, MINUTES_PER_QUESTION } from './ht-101.course';
import { HT_101_V1 } from './ht-101-v1.course';
import { HT_101_SOURCES } from './ht-101/ht-101.sources';
import { readingWords } from './ht-101/reading-time';

const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const activity = HT_101.activity!;

function correctIndex(choices: QuestionContent['choices']): number {
  return choices.findIndex((choice) => choice.correct === true);
}

function moduleBody(key: string): string {
  const found = HT_101.modules.find((m) => m.key === key);
  if (!found) throw new Error(`no module ${key}`);
  return found.body;
}

function questionText(q: QuestionContent): string {
  return [q.prompt, ...q.choices.map((c) => c.text), q.explanation].join('\n');
}

function question(key: string): QuestionContent {
  const found = HT_101.questions.find((q) => q.key === key);
  if (!found) throw new Error(`no question ${key}`);
  return found;
}

const everything = [
  ...HT_101.modules.map((m) => `${m.title}\n${m.body}`),
  ...HT_101.questions.map(questionText),
].join('\n');

describe('HT-101 version 1', () => {
  it('stays exactly as it was published (learners completed it; changes go into a new version)', () => {
    const digest = createHash('sha256').update(JSON.stringify(HT_101_V1)).digest('hex');
    expect({ version: HT_101_V1.version, digest }).toEqual({
      version: 1,
      digest: 'f8f0f14c198e64e05ab2b0c54ebefab380418e133f313a179e023b0110d68d63',
    });
  });
});

describe('HT-101 version 2', () => {
  describe('CE metadata and the activity file', () => {
    it('is a one-hour course with a disclosed 70% pass mark, 3 attempts and 10 questions per attempt', () => {
      expect(HT_101).toMatchObject({
        code: 'HT-101',
        version: 2,
        title: HT_101_V1.title,
        creditHours: 1.0,
        passingScore: 70,
        maxAttempts: 3,
        questionsPerAttempt: 10,
        requiresEvaluation: true,
      });
    });

    it('claims nursing contact hours and no longer AMA PRA Category 1 or IPCE credit', () => {
      expect(HT_101.creditTypes).toEqual(['nursing_contact_hours']);
    });

    it('keeps the 4 learning objectives of the course page, in order', () => {
      expect(HT_101.objectives).toEqual(HT_101_V1.objectives);
    });

    it('derives the contact hour from its stated word-count arithmetic', () => {
      const words = HT_101.modules.reduce((sum, m) => sum + readingWords(m.body), 0);
      const reading = HT_101.modules.reduce((sum, m) => sum + m.estimatedMinutes, 0);
      const minutes = reading + HT_101.questionsPerAttempt * MINUTES_PER_QUESTION + EVALUATION_MINUTES;
      expect(activity.contactHourMethod.method).toBe('word_count');
      expect(activity.contactHourMethod.minutes).toBe(minutes);
      expect(activity.contactHourMethod.description).toContain(words.toLocaleString('en-US'));
      expect(activity.contactHourMethod.description).toContain(`${reading} minutes`);
      expect(activity.contactHourMethod.description).toContain(`Total ${minutes} minutes`);
      expect(Math.floor(minutes / 15) / 4).toBe(HT_101.creditHours);
    });

    it('names its faculty and shows their disclosures and the commercial support before the activity', () => {
      expect(activity.faculty.map((f) => f.name)).toContain('Mellissa Withers');
      for (const person of activity.faculty) {
        expect(person.roles.length).toBeGreaterThan(0);
        expect(person.credentials.trim()).not.toBe('');
        expect(activity.disclosures.relationships.some((r) => r.name.startsWith(person.name))).toBe(true);
      }
      expect(activity.disclosures.statement).toMatch(/ineligible companies/);
      expect(activity.disclosures.statement).toMatch(/24 months/);
      expect(activity.disclosures.commercialSupport).toMatch(/no commercial support/i);
    });

    it('has a release date and expires no later than three years after it', () => {
      const release = new Date(`${activity.releaseDate}T00:00:00Z`);
      const expires = new Date(`${activity.expiresOn}T00:00:00Z`);
      expect(Number.isNaN(release.getTime())).toBe(false);
      expect(expires.getTime()).toBeGreaterThan(release.getTime());
      const threeYears = new Date(release);
      threeYears.setUTCFullYear(threeYears.getUTCFullYear() + 3);
      expect(expires.getTime()).toBeLessThan(threeYears.getTime());
    });

    it('states its target audience, including emergency department and clinic staff', () => {
      expect(activity.targetAudience).toMatch(/emergency departments/);
      expect(activity.targetAudience).toMatch(/clinics/);
    });

    it('lists every source once, each with a title and an https URL, and every module cites its sources', () => {
      expect(activity.sources.length).toBe(Object.keys(HT_101_SOURCES).length);
      expect(new Set(activity.sources.map((s) => s.url)).size).toBe(activity.sources.length);
      for (const source of activity.sources) {
        expect(source.title.trim().length).toBeGreaterThan(10);
        expect(new URL(source.url).protocol).toBe('https:');
      }
      for (const m of HT_101.modules)
        expect({ key: m.key, cites: /^### References$/m.test(m.body) }).toEqual({
          key: m.key,
          cites: true,
        });
      const cited = HT_101.modules.map((m) => m.body).join('\n');
      for (const source of activity.sources)
        expect({ url: source.url, cited: cited.includes(source.url) }).toEqual({
          url: source.url,
          cited: true,
        });
    });
  });

  describe('modules', () => {
    it('has unique kebab-case keys, a title, headings, and an estimate that follows its word count', () => {
      const keys = HT_101.modules.map((m) => m.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const m of HT_101.modules) {
        expect(m.key).toMatch(KEBAB_CASE);
        expect(m.title.trim()).not.toBe('');
        expect(m.body).toMatch(/^#{2,3} /m);
        expect(m.estimatedMinutes).toBe(Math.max(1, Math.round(readingWords(m.body) / 150)));
      }
    });

    it.each([
      ['the definition of human trafficking', /definition/i],
      ['vulnerability factors', /vulnerab/i],
      ['myths and misconceptions', /myth/i],
      ['warning signs', /warning sign/i],
      [
        'health effects: injuries, STIs, pregnancy and mental health',
        /sexually transmitted[\s\S]*pregnan[\s\S]*post-traumatic/i,
      ],
      ['protocols: privacy, questioning and interpreters', /interpreter/i],
      [
        'legal concerns: T visas and HHS letters',
        /T visa[\s\S]*certification letters[\s\S]*eligibility letters/,
      ],
      ['care after exploitation', /after exploitation/i],
      ['a trauma-informed approach', /trauma-informed/i],
      ['resources such as hotline numbers', /1-888-373-7888/],
      ['cultural considerations', /cultur/i],
    ])('covers %s', (_topic, pattern) => {
      expect(HT_101.modules.map((m) => `${m.title}\n${m.body}`).join('\n')).toMatch(pattern);
    });
  });

  describe('the reviewer corrections', () => {
    it('names the duties that can apply to adults: state injury reporting and elder or dependent-adult abuse', () => {
      const body = moduleBody('reporting');
      expect(body).toMatch(/No federal law requires you to report the trafficking of an adult/);
      expect(body).toMatch(/California Penal Code § 11160/);
      expect(body).toMatch(/assaultive or\s+abusive conduct/);
      expect(body).toMatch(/Elder and dependent-adult abuse laws/);
      expect(body).toMatch(/Know which of these apply where you practice/);
    });

    it("states HIPAA's conditions for an adult report: required, agreed, or authorized to prevent serious harm; or an imminent threat", () => {
      const body = moduleBody('reporting');
      expect(body).toMatch(/45 CFR 164\.512\(c\)/);
      expect(body).toMatch(
        /\*\*requires\*\*[\s\S]*\*\*agrees\*\*[\s\S]*\*\*expressly authorizes\*\*[\s\S]*prevent serious harm/,
      );
      expect(body).toMatch(/45 CFR 164\.512\(j\)[\s\S]*serious and imminent threat/);
    });

    it('says wherever the hotline is offered that it informs authorities on suspected child abuse or imminent harm', () => {
      const offering = HT_101.modules.filter((m) => /hotline/i.test(m.body.split(/^### References$/m)[0]));
      expect(offering.map((m) => m.key)).toEqual(
        expect.arrayContaining(['reporting', 'resources', 'cultural-considerations', 'after-exploitation']),
      );
      const policy =
        /informs\s+the(\s+appropriate)?\s+authorities\s+when\s+it\s+suspects[\s\S]{0,40}child[\s\S]{0,60}imminent\s+harm/;
      for (const { key, body } of offering)
        expect({ key, says: policy.test(body) }).toEqual({ key, says: true });
      for (const q of HT_101.questions) {
        const offered = /hotline/i.test(`${q.choices[correctIndex(q.choices)].text}\n${q.explanation}`);
        if (offered)
          expect({ key: q.key, says: /child abuse or imminent harm/.test(q.explanation) }).toEqual({
            key: q.key,
            says: true,
          });
      }
      const item = question('q-hotline-policy');
      expect(item.choices[correctIndex(item.choices)].text).toMatch(/child abuse or imminent harm/);
      expect(item.explanation).toMatch(/child abuse or imminent harm/);
    });

    it('limits interpreters to calls and text and chat to English and Spanish', () => {
      expect(moduleBody('resources')).toMatch(
        /calls are answered in English and Spanish, with interpreters for more than 200/,
      );
      expect(moduleBody('resources')).toMatch(/Text and chat are in English and Spanish only/);
    });

    it('says the TVIT was validated at victim-service agencies, not in emergency departments or clinics', () => {
      for (const key of ['protocols', 'resources']) {
        expect(moduleBody(key)).toMatch(/victim-service\s+agencies/);
        expect(moduleBody(key)).toMatch(
          /not (been )?validated in emergency departments or clinics|not with patients in emergency departments or clinics/,
        );
      }
    });

    it('treats transporting as one possible act and never says movement is not an element', () => {
      expect(everything).not.toMatch(/not\*\* one of the elements|movement is not an element/i);
      expect(moduleBody('definitions')).toMatch(/Transporting is one possible act, not a requirement/);
    });

    it('qualifies the 88% figure as one convenience sample of about 106 survivors and asks nobody to recall it', () => {
      expect(moduleBody('warning-signs')).toMatch(/one convenience sample of about 106 survivors/);
      for (const q of HT_101.questions) {
        for (const c of q.choices) expect(c.text).not.toMatch(/^About \d+%$/);
      }
    });

    it('warns that trafficking codes can reach a patient portal the trafficker may see', () => {
      expect(moduleBody('reporting')).toMatch(/\*\*patient portal\*\*[\s\S]*trafficker/);
    });

    it('speaks of the same gender, never the same sex', () => {
      expect(everything).not.toMatch(/same[- ]sex/i);
      expect(everything).toMatch(/same gender/);
    });
  });

  describe('the question bank', () => {
    it('has unique kebab-case keys', () => {
      const keys = HT_101.questions.map((q) => q.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const key of keys) expect(key).toMatch(KEBAB_CASE);
    });

    it('gives every question exactly one correct choice, at least 3 distinct distractors, an objective and an explanation', () => {
      for (const q of HT_101.questions) {
        const texts = q.choices.map((c) => c.text.trim());
        expect({
          key: q.key,
          correct: q.choices.filter((c) => c.correct === true).length,
          distractors: q.choices.filter((c) => c.correct !== true).length >= 3,
          distinct: new Set(texts).size === texts.length && texts.every((t) => t.length > 0),
          objective:
            Number.isInteger(q.objective) && q.objective >= 0 && q.objective < HT_101.objectives.length,
          explained: q.explanation.trim().length > 0,
          prompted: q.prompt.trim().length > 0,
        }).toEqual({
          key: q.key,
          correct: 1,
          distractors: true,
          distinct: true,
          objective: true,
          explained: true,
          prompted: true,
        });
      }
    });

    it('uses no negative stem: no NOT, EXCEPT, false, myth or least', () => {
      for (const q of HT_101.questions) {
        expect({
          key: q.key,
          negative: /\b(NOT|EXCEPT|except|false|untrue|incorrect|myth|least)\b/.test(q.prompt),
        }).toEqual({
          key: q.key,
          negative: false,
        });
      }
    });

    it('uses no absolute choices (always, never, only) and no "all/none of the above"', () => {
      for (const q of HT_101.questions) {
        for (const c of q.choices) {
          expect({ key: q.key, text: c.text, absolute: /\b(always|never|only)\b/i.test(c.text) }).toEqual({
            key: q.key,
            text: c.text,
            absolute: false,
          });
          expect(c.text).not.toMatch(/\b(all|none|both) of the (above|these)\b/i);
        }
      }
    });

    it('draws 3/3/2/2, summing to the attempt, and holds enough questions per objective for 3 attempts without repeats', () => {
      expect(HT_101.questionsPerObjective).toEqual([3, 3, 2, 2]);
      const split = HT_101.questionsPerObjective!;
      expect(split.reduce((a, b) => a + b, 0)).toBe(HT_101.questionsPerAttempt);
      split.forEach((share, objective) => {
        const count = HT_101.questions.filter((q) => q.objective === objective).length;
        expect({ objective, enough: count >= share * HT_101.maxAttempts }).toEqual({
          objective,
          enough: true,
        });
      });
    });

    it('assesses every dimension of objective 4, not only teaches it', () => {
      const culture = HT_101.questions
        .filter((q) => q.objective === 3)
        .map(questionText)
        .join('\n');
      for (const [dimension, pattern] of [
        ['gender', /same gender|transgender/],
        ['age', /\d+-year-old/],
        ['race and ethnicity', /race and ethnicity/i],
        ['religion', /religio/i],
        ['language', /interpreter/i],
        ['sexual orientation and gender identity', /gay|LGBTQ|transgender/],
        ['socioeconomic status', /poverty|economic/i],
      ] as const) {
        expect({ dimension, assessed: pattern.test(culture) }).toEqual({ dimension, assessed: true });
      }
    });

    it('puts patients of every gender in the stems, with neither women nor men the majority of gendered stems', () => {
      const female = /\b(she|her|woman|women|girl)\b/i;
      const male = /\b(he|him|his|man|men|boy)\b/i;
      const stems = HT_101.questions.map((q) => q.prompt);
      const women = stems.filter((s) => female.test(s) && !male.test(s)).length;
      const men = stems.filter((s) => male.test(s) && !female.test(s)).length;
      const gendered = stems.filter((s) => female.test(s) || male.test(s)).length;
      expect(women).toBeGreaterThan(0);
      expect(men).toBeGreaterThan(0);
      expect(women / gendered).toBeLessThanOrEqual(0.6);
      expect(men / gendered).toBeLessThanOrEqual(0.6);
      expect(stems.some((s) => /transgender|nonbinary|\bthey\b/.test(s))).toBe(true);
    });

    it('places the correct answer in every position, so its position gives nothing away', () => {
      const positions = HT_101.questions.map((q) => correctIndex(q.choices));
      for (const position of [0, 1, 2, 3]) {
        expect(positions.filter((p) => p === position).length).toBeGreaterThanOrEqual(
          HT_101.questions.length / 8,
        );
      }
    });

    it('does not make the correct answer the longest choice in most questions', () => {
      const strictlyLongest = HT_101.questions.filter((q) => {
        const lengths = q.choices.map((c) => c.text.length);
        const correct = correctIndex(q.choices);
        return lengths.every((length, i) => i === correct || length < lengths[correct]);
      });
      expect(strictlyLongest.length).toBeLessThan(HT_101.questions.length / 2);
    });
  });
});
