/** A course as written by the provider, before it is stored as a versioned catalog entry. */
export interface CourseContent {
  code: string;
  /** Bump when the text, questions or CE metadata change; learners keep what they completed on earlier versions. */
  version: number;
  title: string;
  description: string;
  creditHours: number;
  creditTypes: string[];
  /** Accredited CE asks for the learner's evaluation of the activity before the certificate. */
  requiresEvaluation: boolean;
  passingScore: number;
  maxAttempts: number;
  questionsPerAttempt: number;
  /**
   * How many questions each attempt draws per objective (same order as `objectives`, summing to
   * `questionsPerAttempt`), so every attempt assesses every objective. Absent: spread evenly, earlier objectives
   * taking the remainder (10 over 4 objectives: 3/3/2/2).
   */
  questionsPerObjective?: number[];
  objectives: string[];
  modules: ModuleContent[];
  questions: QuestionContent[];
  /**
   * The activity file a CE reviewer asks for. Version 1 of HT-101 was published before it existed, so it is
   * optional here; every version published since carries it (the seed's unit test pins that).
   */
  activity?: ActivityFile;
}

export interface ActivityFile {
  /** The references behind the content: one entry per fact group, each with a public URL. */
  sources: CourseSource[];
  /** Everyone in control of the content: planners, authors, faculty and reviewers. */
  faculty: FacultyMember[];
  /** Shown to the learner before the activity starts. */
  disclosures: Disclosures;
  /** ISO dates (YYYY-MM-DD). After `expiresOn` the course is closed to new cohorts. */
  releaseDate: string;
  expiresOn: string;
  contactHourMethod: ContactHourMethod;
  targetAudience: string;
}

export interface CourseSource {
  title: string;
  url: string;
}

export type FacultyRole = 'author' | 'planner' | 'faculty' | 'reviewer';

export interface FacultyMember {
  name: string;
  /** Degrees and titles as the person writes them, e.g. `PhD, MHS`. */
  credentials: string;
  affiliation: string;
  roles: FacultyRole[];
}

export interface Disclosures {
  /** The statement the learner reads before module 1. */
  statement: string;
  /** Each person in control of content and what they disclosed (`None` when nothing relevant). */
  relationships: Array<{ name: string; relationship: string }>;
  commercialSupport: string;
}

/** How the contact hours were determined, with the figures, so a reviewer can check the arithmetic. */
export interface ContactHourMethod {
  method: 'word_count' | 'pilot_test';
  description: string;
  /** The minutes the method arrived at; `creditHours` is these minutes / 60. */
  minutes: number;
}

export interface ModuleContent {
  /** Stable key within the course, e.g. `definitions`. */
  key: string;
  title: string;
  estimatedMinutes: number;
  /** Markdown. */
  body: string;
}

export interface QuestionContent {
  key: string;
  /** Index into `objectives`. */
  objective: number;
  prompt: string;
  choices: Array<{ text: string; correct?: true }>;
  explanation: string;
}
