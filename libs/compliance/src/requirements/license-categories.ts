import { LICENSE_TYPE_CODES, LicenseTypeCode } from './state-requirement.types';

/**
 * Licenses no state rule names, recognised so that such a member is known not to be covered (no gap) rather than
 * reported as an unrecognised license type.
 */
export const OTHER_LICENSE_CATEGORIES = {
  SW: 'Social worker',
  EMT: 'Emergency medical technician',
  PARAMEDIC: 'Paramedic',
  CNA: 'Nursing assistant',
} as const;

export type LicenseCategory = LicenseTypeCode | keyof typeof OTHER_LICENSE_CATEGORIES;

export const LICENSE_CATEGORY_LABELS: Record<LicenseCategory, string> = {
  ...LICENSE_TYPE_CODES,
  ...OTHER_LICENSE_CATEGORIES,
};
export const LICENSE_CATEGORIES = Object.keys(LICENSE_CATEGORY_LABELS) as LicenseCategory[];

/**
 * The spellings of each category, as keys (`licenseTypeKey`: lower case, letters and digits only), so "R.N.",
 * "rn" and "R N" are one key. The one source of truth of the mapping: the database function `license_category`
 * is generated from it (`licenseCategoryFunctionSql`), and the gaps e2e suite checks the migration holds that text.
 */
export const LICENSE_CATEGORY_ALIASES: Record<LicenseCategory, readonly string[]> = {
  RN: [
    'rn',
    'registerednurse',
    'registeredprofessionalnurse',
    'professionalnurse',
    'rnbsn',
    'rnmsn',
    'bsnrn',
    'msnrn',
    'rnbc',
    'rnc',
    'staffnurse',
  ],
  LPN: ['lpn', 'licensedpracticalnurse', 'practicalnurse'],
  LVN: ['lvn', 'licensedvocationalnurse', 'vocationalnurse'],
  APRN: [
    'aprn',
    'apn',
    'arnp',
    'advancedpracticeregisterednurse',
    'advancedregisterednursepractitioner',
    'advancedpracticenurse',
    'np',
    'nursepractitioner',
    'fnp',
    'fnpc',
    'fnpbc',
    'aprncnp',
    'aprnfnp',
    'aprncns',
    'aprncrna',
    'aprncnm',
    'crna',
    'certifiedregisterednurseanesthetist',
    'cnm',
    'certifiednursemidwife',
    'cns',
    'clinicalnursespecialist',
  ],
  MD: ['md', 'physician', 'medicaldoctor', 'doctorofmedicine', 'physicianmd', 'allopathicphysician', 'mbbs'],
  DO: ['do', 'doctorofosteopathicmedicine', 'osteopathicphysician', 'osteopath', 'physiciando'],
  PA: [
    'pa',
    'pac',
    'physicianassistant',
    'physicianassociate',
    'certifiedphysicianassistant',
    'physicianassistantcertified',
  ],
  RPH: ['rph', 'pharmacist', 'pharmd', 'registeredpharmacist', 'clinicalpharmacist', 'licensedpharmacist'],
  DDS: ['dds', 'dmd', 'dentist', 'doctorofdentalsurgery', 'doctorofdentalmedicine'],
  RDH: ['rdh', 'dentalhygienist', 'registereddentalhygienist'],
  RT: [
    'rt',
    'rrt',
    'crt',
    'rcp',
    'respiratorytherapist',
    'respiratorycarepractitioner',
    'registeredrespiratorytherapist',
    'certifiedrespiratorytherapist',
  ],
  MRT: [
    'mrt',
    'rtr',
    'rtrct',
    'rtrm',
    'rtrmr',
    'radiologictechnologist',
    'medicalradiologictechnologist',
    'radiographer',
    'xraytechnologist',
  ],
  PERFUSIONIST: ['perfusionist', 'ccp', 'licensedperfusionist', 'certifiedclinicalperfusionist'],
  LAC: ['lac', 'acupuncturist', 'licensedacupuncturist'],
  DC: ['dc', 'chiropractor', 'doctorofchiropractic', 'chiropracticphysician'],
  LMT: ['lmt', 'cmt', 'massagetherapist', 'licensedmassagetherapist'],
  NHA: ['nha', 'lnha', 'nursinghomeadministrator', 'licensednursinghomeadministrator'],
  OT: ['ot', 'otr', 'otrl', 'occupationaltherapist', 'registeredoccupationaltherapist'],
  OD: ['od', 'optometrist', 'doctorofoptometry'],
  PT: ['pt', 'dpt', 'mpt', 'physicaltherapist', 'doctorofphysicaltherapy'],
  DPM: ['dpm', 'podiatrist', 'podiatricphysician', 'doctorofpodiatricmedicine'],
  RD: [
    'rd',
    'rdn',
    'ld',
    'ldn',
    'rdld',
    'dietitian',
    'dietician',
    'registereddietitian',
    'registereddietitiannutritionist',
    'licenseddietitian',
    'licenseddietitiannutritionist',
    'dietitiannutritionist',
    'nutritionist',
  ],
  SW: [
    'sw',
    'lsw',
    'lcsw',
    'lmsw',
    'lisw',
    'socialworker',
    'licensedsocialworker',
    'clinicalsocialworker',
    'licensedclinicalsocialworker',
    'licensedmastersocialworker',
  ],
  EMT: ['emt', 'emtb', 'emtbasic', 'aemt', 'emergencymedicaltechnician'],
  PARAMEDIC: ['paramedic', 'emtp', 'nrp', 'licensedparamedic'],
  CNA: ['cna', 'certifiednursingassistant', 'certifiednurseaide', 'nurseaide', 'nursingassistant'],
};

/** What is compared: letters and digits only, lower case ("R.N." → "rn"); other characters are dropped. */
export function licenseTypeKey(text: string): string {
  return text.replace(/[^A-Za-z0-9]+/g, '').toLowerCase();
}

/** The text before a comma, parenthesis or semicolon: "RN, BSN" and "Registered Nurse (RN)" name their license first. */
export function licenseTypeHeadKey(text: string): string {
  return licenseTypeKey(text.split(/[,(;]/)[0]);
}

const BY_KEY: ReadonlyMap<string, LicenseCategory> = new Map(
  LICENSE_CATEGORIES.flatMap((category) =>
    LICENSE_CATEGORY_ALIASES[category].map((alias) => [alias, category] as const),
  ),
);

/** The category of a free-text license type: its whole text first, else its head; null when not recognised. */
export function licenseCategory(text: string | null | undefined): LicenseCategory | null {
  if (text === null || text === undefined) return null;
  return BY_KEY.get(licenseTypeKey(text)) ?? BY_KEY.get(licenseTypeHeadKey(text)) ?? null;
}

/**
 * LPN and LVN are one license under two names (Texas and California say vocational): a rule naming either binds both.
 * The codes a category matches in a rule's `license_types`.
 */
export function ruleCodesOf(category: LicenseCategory): LicenseCategory[] {
  return category === 'LPN' || category === 'LVN' ? ['LPN', 'LVN'] : [category];
}

/**
 * The database's mirror of `licenseCategory`: `license_category(text)`, IMMUTABLE so it can be used anywhere in a
 * set-based query (or an index). The alias map is a jsonb literal (a keyed lookup, not a scan of the list);
 * `regexp_replace` before `lower` drops the same characters `licenseTypeKey` drops. Not STRICT (null gives null
 * anyway): a STRICT SQL function around `coalesce` is not inlined, and runs ~10x slower per row.
 */
export function licenseCategoryFunctionSql(): string {
  // One line per category, wrapped: the migration that holds this text stays readable and reviewable.
  const lines = LICENSE_CATEGORIES.flatMap((category) => {
    const entries = LICENSE_CATEGORY_ALIASES[category].map((alias) => `"${alias}": "${category}"`);
    const wrapped: string[] = [];
    for (const entry of entries) {
      const last = wrapped.length - 1;
      if (last >= 0 && wrapped[last].length + entry.length < 100) wrapped[last] += `, ${entry}`;
      else wrapped.push(entry);
    }
    return wrapped;
  });
  return `CREATE FUNCTION license_category_of_key(key text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN '{
    ${lines.join(',\n    ')}
  }'::jsonb ->> key;

CREATE FUNCTION license_category(license_type text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN coalesce(
    license_category_of_key(lower(regexp_replace(license_type, '[^A-Za-z0-9]+', '', 'g'))),
    license_category_of_key(lower(regexp_replace(substring(license_type FROM '^[^,(;]*'), '[^A-Za-z0-9]+', '', 'g'))));
`;
}
