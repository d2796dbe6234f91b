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
  objectives: string[];
  modules: ModuleContent[];
  questions: QuestionContent[];
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
