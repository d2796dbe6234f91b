import type { CourseContent, ModuleContent } from './course-content';
import { afterExploitation } from './ht-101/after-exploitation.module';
import { culturalConsiderations } from './ht-101/cultural-considerations.module';
import { definitions } from './ht-101/definitions.module';
import { healthEffects } from './ht-101/health-effects.module';
import { allSources } from './ht-101/ht-101.sources';
import { protocols } from './ht-101/protocols.module';
import { cultureQuestions } from './ht-101/questions-culture';
import { definitionQuestions } from './ht-101/questions-definitions';
import { providerRoleQuestions } from './ht-101/questions-provider-role';
import { reportingQuestions } from './ht-101/questions-reporting';
import { readingWords } from './ht-101/reading-time';
import { reporting } from './ht-101/reporting.module';
import { resources } from './ht-101/resources.module';
import { traumaInformedCare } from './ht-101/trauma-informed-care.module';
import { vulnerabilityAndMyths } from './ht-101/vulnerability-and-myths.module';
import { warningSigns } from './ht-101/warning-signs.module';

/** Clinical text read at a deliberate pace: the rate behind every module's estimated minutes. */
export const WORDS_PER_MINUTE = 150;
export const MINUTES_PER_QUESTION = 1;
export const EVALUATION_MINUTES = 5;
const QUESTIONS_PER_ATTEMPT = 10;

const modules: ModuleContent[] = [
  definitions,
  vulnerabilityAndMyths,
  warningSigns,
  healthEffects,
  protocols,
  reporting,
  traumaInformedCare,
  culturalConsiderations,
  afterExploitation,
  resources,
].map((m) => ({ ...m, estimatedMinutes: Math.max(1, Math.round(readingWords(m.body) / WORDS_PER_MINUTE)) }));

const words = modules.reduce((sum, m) => sum + readingWords(m.body), 0);
const readingMinutes = modules.reduce((sum, m) => sum + m.estimatedMinutes, 0);
const totalMinutes = readingMinutes + QUESTIONS_PER_ATTEMPT * MINUTES_PER_QUESTION + EVALUATION_MINUTES;

/** Version 2: the clinical-education review's corrections, a balanced assessment and the activity file. */
export const HT_101: CourseContent = {
  code: 'HT-101',
  version: 2,
  title: 'Human Trafficking: what do healthcare providers need to know?',
  description:
    'Healthcare providers are among the few outsiders who meet people while they are being trafficked. ' +
    'This one-hour course for emergency department and clinic staff covers the federal definitions, ' +
    'vulnerability factors and common myths, warning signs and health effects, private and trauma-informed ' +
    'encounters, reporting duties and documentation, cultural considerations, care after exploitation and the ' +
    'legal protections available to survivors, and where to refer patients.',
  creditHours: 1.0,
  creditTypes: ['nursing_contact_hours'],
  requiresEvaluation: true,
  passingScore: 70,
  maxAttempts: 3,
  questionsPerAttempt: QUESTIONS_PER_ATTEMPT,
  questionsPerObjective: [3, 3, 2, 2],
  objectives: [
    'Define the types of human trafficking.',
    'Explain the role of the healthcare provider in recognizing and responding to trafficking victims and ' +
      'survivors.',
    'Describe how to report cases or suspected cases of human trafficking.',
    'Outline the types of cultural diversity (gender, age, race, religion, ethnicity, language, sexual ' +
      'orientation, socioeconomic status, and others) that may relate to human trafficking.',
  ],
  modules,
  questions: [...definitionQuestions, ...providerRoleQuestions, ...reportingQuestions, ...cultureQuestions],
  activity: {
    sources: allSources(),
    faculty: [
      {
        name: 'Mellissa Withers',
        credentials: 'PhD, MHS',
        affiliation: 'Associate Professor, Keck School of Medicine of USC',
        roles: ['author', 'faculty'],
      },
    ],
    disclosures: {
      statement:
        'Everyone in control of the content of this activity was asked to disclose all financial relationships ' +
        'with ineligible companies (companies whose primary business is producing, marketing, selling, ' +
        're-selling, or distributing healthcare products used by or on patients) held in the past 24 months. ' +
        'None of the individuals listed has a relevant financial relationship to disclose. The content is ' +
        'free of commercial bias and does not discuss any product or off-label use.',
      relationships: [{ name: 'Mellissa Withers, PhD, MHS', relationship: 'None' }],
      commercialSupport: 'This activity received no commercial support.',
    },
    releaseDate: '2026-12-03',
    // Three years after release, the longest an enduring activity goes before it must be reviewed.
    expiresOn: '2029-12-02',
    contactHourMethod: {
      method: 'word_count',
      description:
        `Word count. The ${modules.length} modules hold ${words.toLocaleString('en-US')} words of reading ` +
        `(Markdown markup and reference lists excluded), read at ${WORDS_PER_MINUTE} words per minute for ` +
        `clinical text: ${readingMinutes} minutes, rounded per module. The assessment: ${QUESTIONS_PER_ATTEMPT} ` +
        `questions at ${MINUTES_PER_QUESTION} minute each. The course evaluation: ${EVALUATION_MINUTES} minutes. ` +
        `Total ${totalMinutes} minutes; one contact hour is 60 minutes, rounded down to the quarter hour.`,
      minutes: totalMinutes,
    },
    targetAudience:
      'Registered nurses, advanced practice providers, physicians, and the other clinical and non-clinical ' +
      'staff who meet patients in emergency departments, urgent care, and outpatient clinics, including ' +
      'registration, security, and social work.',
  },
};
