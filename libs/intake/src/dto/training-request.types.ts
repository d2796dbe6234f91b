export const SETTINGS = ['emergency_department', 'satellite_clinic', 'both', 'other'] as const;
export const FORMATS = ['onsite', 'virtual', 'either'] as const;
export const INTAKE_LOCALES = ['en', 'es'] as const;

/** The pipeline's statuses; `duplicate` marks a follow-up joined to an earlier request and is outside the flow. */
export const TRAINING_REQUEST_STATUSES = [
  'new',
  'triaged',
  'proposed',
  'scheduled',
  'completed',
  'declined',
  'spam',
  'duplicate',
] as const;

export type TrainingRequestStatus = (typeof TRAINING_REQUEST_STATUSES)[number];
export type Setting = (typeof SETTINGS)[number];
export type Format = (typeof FORMATS)[number];
export type IntakeLocale = (typeof INTAKE_LOCALES)[number];

/** The statuses a request may still move out of. */
const OPEN: readonly TrainingRequestStatus[] = ['new', 'triaged', 'proposed', 'scheduled'];
const NEXT: Partial<Record<TrainingRequestStatus, TrainingRequestStatus>> = {
  new: 'triaged',
  triaged: 'proposed',
  proposed: 'scheduled',
  scheduled: 'completed',
};

/** `new → triaged → proposed → scheduled → completed`, and any open status → `declined` or `spam`. */
export function canMove(from: TrainingRequestStatus, to: TrainingRequestStatus): boolean {
  if (!OPEN.includes(from)) return false;
  return NEXT[from] === to || to === 'declined' || to === 'spam';
}
