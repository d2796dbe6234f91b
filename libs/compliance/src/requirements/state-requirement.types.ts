/** Who a rule binds: each licensee, a facility's staff (or its walls, for a posting), or nobody (no rule found). */
export const REQUIREMENT_SCOPES = ['licensee', 'facility', 'none'] as const;
export type RequirementScope = (typeof REQUIREMENT_SCOPES)[number];

export const REQUIREMENT_FREQUENCIES = [
  'one_time',
  'each_renewal',
  'every_n_renewals',
  'annual',
  'ongoing',
  'posting_only',
] as const;
export type RequirementFrequency = (typeof REQUIREMENT_FREQUENCIES)[number];

/**
 * Which courses count: one on the state's list (TX: HHSC), one the licensing board approved (FL), any from an
 * accepted kind of provider (MI), whatever the facility's own policy says (NY), or no approval at all.
 */
export const APPROVAL_MODES = [
  'state_list',
  'board_approved',
  'category_acceptance',
  'facility_policy',
  'none',
] as const;
export type ApprovalMode = (typeof APPROVAL_MODES)[number];

/** H: statute or rule text seen; M: an official summary or agreeing secondary sources; L: a secondary claim only. */
export const CONFIDENCE_LEVELS = ['H', 'M', 'L'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

/**
 * Normalized license type codes a rule names. A member's free-text license type is matched against these (and
 * their aliases) by whoever computes gaps; a rule's `licenseTypesDescription` says the whole scope in words.
 */
export const LICENSE_TYPE_CODES = {
  RN: 'Registered nurse',
  LPN: 'Licensed practical nurse',
  LVN: 'Licensed vocational nurse',
  APRN: 'Advanced practice registered nurse',
  MD: 'Physician (allopathic)',
  DO: 'Physician (osteopathic)',
  PA: 'Physician assistant',
  RPH: 'Pharmacist',
  DDS: 'Dentist',
  RDH: 'Dental hygienist',
  RT: 'Respiratory therapist',
  MRT: 'Medical radiologic technologist',
  PERFUSIONIST: 'Perfusionist',
  LAC: 'Acupuncturist',
  DC: 'Chiropractor',
  LMT: 'Massage therapist',
  NHA: 'Nursing home administrator',
  OT: 'Occupational therapist',
  OD: 'Optometrist',
  PT: 'Physical therapist',
  DPM: 'Podiatrist',
  RD: 'Dietitian or nutritionist',
} as const;
export type LicenseTypeCode = keyof typeof LICENSE_TYPE_CODES;

export interface RequirementSource {
  title: string;
  /** Absent where the facts name a source without an address. */
  url?: string;
}

/** One rule as the seed states it (the table's row without its id and timestamps). */
export interface StateRequirementSeed {
  /** Stable key: `<state>-<who>`, lower case. The seed upserts by it. */
  code: string;
  state: string;
  scope: RequirementScope;
  licenseTypes: LicenseTypeCode[];
  licenseTypesDescription: string;
  /** null: the sources state no number of hours. */
  hours: number | null;
  hoursNote: string | null;
  /** null only for scope `none`. */
  frequency: RequirementFrequency | null;
  /** Set for `every_n_renewals` only. */
  everyNRenewals: number | null;
  frequencyNote: string | null;
  approvalMode: ApprovalMode;
  approvalNote: string | null;
  contentSummary: string;
  sources: RequirementSource[];
  confidence: Confidence;
  unconfirmed: boolean;
  /** What is unconfirmed, or what else needs review; required when `unconfirmed`. */
  note: string | null;
  /** YYYY-MM-DD: when the rule was last checked against its sources. */
  reviewedOn: string;
}
