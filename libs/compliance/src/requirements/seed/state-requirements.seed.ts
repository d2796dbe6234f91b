import type { StateRequirementSeed } from '../state-requirement.types';

/** The day these rows were transcribed from the provider's researched facts (shared/domain/facts.md, section 2). */
const REVIEWED_ON = '2026-12-03';

/**
 * State human-trafficking training rules for healthcare licensees, one row per rule the facts list, including the
 * states where no licensee rule was found or where only a posting is required: showing those as such is the point.
 * Citations keep the facts' wording; where the facts give a site without a page, the address is that site.
 */
export const STATE_REQUIREMENTS: StateRequirementSeed[] = [
  {
    code: 'tx-practitioners',
    state: 'TX',
    scope: 'licensee',
    licenseTypes: ['RPH', 'DDS', 'RDH', 'PA', 'RT', 'MRT', 'PERFUSIONIST', 'LAC'],
    licenseTypesDescription:
      'Licensed practitioners who give direct patient care, other than physicians and nurses (who have rules of ' +
      'their own): for example TDLR licensees, pharmacy and dental licensees, physician assistants and other ' +
      'TMB-affiliated licensees, respiratory care practitioners, medical radiologic technologists, perfusionists ' +
      'and acupuncturists.',
    hours: null,
    hoursNote: 'No number of hours is fixed in rule; an HHSC-approved course is required (commonly 1 hour).',
    frequency: 'each_renewal',
    everyNRenewals: null,
    frequencyNote: 'Within each license term, for renewals on or after 2020-09-01.',
    approvalMode: 'state_list',
    approvalNote:
      'The HHSC Executive Commissioner approves courses and publishes the list; at least one listed course is free.',
    contentSummary:
      'At least: the types and definitions of trafficking, vulnerability factors, its effects on health, how to ' +
      'identify, assess and respond to a possible victim, and the resources available.',
    sources: [
      { title: '26 TAC §370.1 (Legal Information Institute)', url: 'https://law.cornell.edu' },
      { title: 'HB 2059, enrolled (Texas Legislature)', url: 'https://capitol.texas.gov' },
      { title: 'Texas Department of Licensing and Regulation', url: 'https://tdlr.texas.gov' },
      { title: 'Texas State Board of Pharmacy FAQ', url: 'https://pharmacy.texas.gov' },
    ],
    confidence: 'H',
    unconfirmed: false,
    note: null,
    reviewedOn: REVIEWED_ON,
  },
  {
    code: 'tx-nurses',
    state: 'TX',
    scope: 'licensee',
    licenseTypes: ['RN', 'LVN', 'APRN'],
    licenseTypesDescription:
      'Nurses who give direct patient care (BON Rule 22 TAC §216.3(i); Occ. Code §301.308).',
    hours: null,
    hoursNote: 'Not fixed; the hours count toward the 20 hours of nursing CE.',
    frequency: 'each_renewal',
    everyNRenewals: null,
    frequencyNote: 'Every two-year licensing period, for renewals on or after 2020-09-01.',
    approvalMode: 'state_list',
    approvalNote: 'Only an HHSC-approved course counts; a certification does not take its place.',
    contentSummary:
      'The content of an HHSC-approved human-trafficking course (the same list of topics as 26 TAC §370.1).',
    sources: [
      { title: 'Texas School Nurse Organization, Region 19', url: 'https://txsno-region19.org' },
      {
        title: 'Texas Register, rules adopted 2020-01-24 (Secretary of State)',
        url: 'https://sos.texas.gov',
      },
    ],
    confidence: 'M',
    unconfirmed: false,
    note: 'Confidence M: read from secondary and register sources, not the current rule text; review before relying on it.',
    reviewedOn: REVIEWED_ON,
  },
  {
    code: 'tx-physicians',
    state: 'TX',
    scope: 'licensee',
    licenseTypes: ['MD', 'DO'],
    licenseTypesDescription: 'Physicians who designate direct patient care (Occ. Code §156.060 as amended).',
    hours: 1,
    hoursNote: 'At least 1 hour of CME, designated as medical ethics or professional responsibility.',
    frequency: 'every_n_renewals',
    everyNRenewals: 3,
    frequencyNote:
      'At the first renewal after the initial registration permit, then at least once every third renewal period ' +
      '(where TMB approves more than one course). From 2020 to 2023 the practice was an HHSC course at every renewal.',
    approvalMode: 'board_approved',
    approvalNote:
      'Courses approved by the Texas Medical Board; an HHSC-listed course satisfies the first renewal.',
    contentSummary: 'Human-trafficking prevention as approved by the Texas Medical Board.',
    sources: [{ title: 'Tex. Occ. Code §156.060 (texas.public.law)', url: 'https://texas.public.law' }],
    confidence: 'M',
    unconfirmed: true,
    note:
      'UNCONFIRMED: the enacting bill (the amended text matches 88R HB 454 / SB 415, 2023) and the current TMB rule ' +
      '166.2 were not seen.',
    reviewedOn: REVIEWED_ON,
  },
  {
    code: 'fl-licensees',
    state: 'FL',
    scope: 'licensee',
    licenseTypes: [
      'LAC',
      'DC',
      'DDS',
      'LMT',
      'MD',
      'NHA',
      'OT',
      'OD',
      'DO',
      'RPH',
      'PT',
      'DPM',
      'RT',
      'RD',
      'PA',
    ],
    licenseTypesDescription:
      'Licensees of about 15 boards (§456.0341, ch. 2019-152): acupuncture, chiropractic, dentistry, massage, ' +
      'medicine, nursing home administration, occupational therapy, optometry, osteopathic medicine, pharmacy, ' +
      'physical therapy, podiatry, respiratory care, dietetics and physician assistants.',
    hours: 1,
    hoursNote: null,
    frequency: 'one_time',
    everyNRenewals: null,
    frequencyNote:
      'Due by 2021-01-01 for those licensed then; new licensees follow their board rule (Podiatry: within the ' +
      'first renewal biennium).',
    approvalMode: 'board_approved',
    approvalNote:
      'Approved by the licensing board (by DOH where there is no board) and reported through CE Broker.',
    contentSummary:
      'Sex and labor trafficking, how to identify victims, how to report, and resources for victims. ' +
      'A workplace sign is also required: at least 11" x 15", at least 32-point type, English and Spanish, with the hotline.',
    sources: [
      { title: 'Florida Board of Podiatric Medicine', url: 'https://floridaspodiatricmedicine.gov' },
      { title: 'CE Broker help center', url: 'https://help.cebroker.com' },
    ],
    confidence: 'H',
    unconfirmed: false,
    note: "The per-board rule for new licensees is confidence M: check each board's rule.",
    reviewedOn: REVIEWED_ON,
  },
  {
    code: 'fl-nurses',
    state: 'FL',
    scope: 'licensee',
    licenseTypes: ['RN', 'LPN', 'APRN'],
    licenseTypesDescription: 'Every Board of Nursing licensee (§464.013(3)(c)).',
    hours: 2,
    hoursNote: null,
    frequency: 'each_renewal',
    everyNRenewals: null,
    frequencyNote: 'Every biennial renewal; the first renewals were due 2019-04-30.',
    approvalMode: 'board_approved',
    approvalNote: 'Board of Nursing; the statute lists the required content.',
    contentSummary: 'The human-trafficking content the statute lists for nurses.',
    sources: [
      { title: 'Fla. Stat. §464.013 (2021), Florida Senate', url: 'https://flsenate.gov' },
      { title: 'Florida Board of Nursing', url: 'https://floridasnursing.gov' },
    ],
    confidence: 'H',
    unconfirmed: false,
    note: 'Pending SB 340 (2026) would add a 2-hour pre-licensure course from 2027-07-01; its status is unknown.',
    reviewedOn: REVIEWED_ON,
  },
  {
    code: 'fl-hospital-posting',
    state: 'FL',
    scope: 'facility',
    licenseTypes: [],
    licenseTypesDescription:
      'Emergency rooms of general acute care hospitals (§787.29(2)): a sign, no training.',
    hours: null,
    hoursNote: null,
    frequency: 'posting_only',
    everyNRenewals: null,
    frequencyNote: null,
    approvalMode: 'none',
    approvalNote: null,
    contentSummary:
      'A sign of at least 8.5" x 11" in 16-point type, in English and Spanish, with the Florida hotline ' +
      '1-855-FLA-SAFE (2024 text).',
    sources: [{ title: 'Fla. Stat. §787.29(2) (2024 text), Florida Senate', url: 'https://flsenate.gov' }],
    confidence: 'H',
    unconfirmed: false,
    note: null,
    reviewedOn: REVIEWED_ON,
  },
  {
    code: 'mi-licensees',
    state: 'MI',
    scope: 'licensee',
    licenseTypes: [
      'MD',
      'DO',
      'RN',
      'LPN',
      'APRN',
      'RPH',
      'PA',
      'DDS',
      'RDH',
      'PT',
      'OT',
      'DC',
      'OD',
      'DPM',
      'RT',
    ],
    licenseTypesDescription:
      'Nearly every licensee and registrant under Article 15 of the Public Health Code (MCL 333.16148; LARA ' +
      'rules such as R 338.7202 and R 338.10105), physicians, nurses and pharmacists included.',
    hours: null,
    hoursNote: 'The rule text states no number of hours.',
    frequency: 'one_time',
    everyNRenewals: null,
    frequencyNote:
      'From the first renewal cycle after the rule took effect; initial licensees once the phase-in ended.',
    approvalMode: 'category_acceptance',
    approvalNote:
      'No course is approved as such. Training counts when offered by a nationally or state-recognized health ' +
      'organization, a state or federal agency, an approved education program or university, or as a ' +
      'peer-reviewed article.',
    contentSummary:
      'Types of trafficking and where it happens, identifying victims in healthcare settings, warning signs in ' +
      'adults and minors, and resources for reporting. Proof on audit: a certificate showing the date, provider, ' +
      "training and learner's name, or a self-certification.",
    sources: [
      { title: 'Mich. Admin. Code R 338.7202 (Legal Information Institute)', url: 'https://law.cornell.edu' },
      { title: 'Henry Ford Health library guide' },
      { title: 'LegalClarity', url: 'https://legalclarity.org' },
    ],
    confidence: 'H',
    unconfirmed: true,
    note: 'UNCONFIRMED: some sources say 1 hour; the rule text states none, so hours are left empty.',
    reviewedOn: REVIEWED_ON,
  },
  {
    code: 'va-medicine',
    state: 'VA',
    scope: 'licensee',
    licenseTypes: ['MD', 'DO', 'PA'],
    licenseTypesDescription:
      'Licensees of the Board of Medicine, except surgical technologists (2023 SB 1147 / HB 1426).',
    hours: 1,
    hoursNote:
      'The statute lets the board require up to 2 hours in a topic it chooses; trafficking is the first.',
    frequency: 'each_renewal',
    everyNRenewals: null,
    frequencyNote: 'The 2024 and 2025 renewal cycles only (board decision of 2023-10-19).',
    approvalMode: 'none',
    approvalNote:
      'No list of approved courses; the licensee attests at renewal. Polaris material is suggested.',
    contentSummary: 'Human trafficking, as the topic the board chose; no content list was found.',
    sources: [
      { title: "Virginia's Legislative Information System", url: 'https://lis.virginia.gov' },
      { title: 'Virginia Council of Nurse Practitioners', url: 'https://vcnp.net' },
      { title: 'NSAA', url: 'https://nsaa.net' },
    ],
    confidence: 'M',
    unconfirmed: false,
    note: 'Confidence M: which Board of Medicine professions are covered was read from summaries; review it.',
    reviewedOn: REVIEWED_ON,
  },
  {
    code: 'nj-facility-staff',
    state: 'NJ',
    scope: 'facility',
    licenseTypes: [],
    licenseTypesDescription:
      'Facility level (P.L.2013 c.51; N.J.A.C. 8:43E-14): every worker (employed, contracted or with privileges) ' +
      'and volunteer with patient contact, clinical or not.',
    hours: null,
    hoursNote: 'Set by the course: the 30-minute NHTRC webinar and the 3-hour SOAR course are both accepted.',
    frequency: 'one_time',
    everyNRenewals: null,
    frequencyNote: 'Existing staff by 2018-03-18; new hires within 6 months of starting.',
    approvalMode: 'state_list',
    approvalNote: "NJ DOH approves the training; it is a condition of the facility's license.",
    contentSummary: 'Recognizing and responding to human trafficking, as in the courses NJ DOH accepts.',
    sources: [
      { title: 'NJ Department of Health, 2016 release', url: 'https://nj.gov/health' },
      { title: 'New Jersey Hospital Association', url: 'https://njha.com' },
    ],
    confidence: 'M',
    unconfirmed: false,
    note: 'Confidence M: from an agency release and the hospital association, not the rule text; review it.',
    reviewedOn: REVIEWED_ON,
  },
  {
    code: 'ny-facility-staff',
    state: 'NY',
    scope: 'facility',
    licenseTypes: [],
    licenseTypesDescription:
      'Facility level (PHL §2805-y): general hospitals, diagnostic and treatment centers and similar. Nursing, ' +
      'medical, social work, other clinical and security staff of service units such as emergency, pediatrics, ' +
      'OB/GYN, psychiatry, radiology, surgery and dental.',
    hours: null,
    hoursNote: 'Not specified.',
    frequency: 'ongoing',
    everyNRenewals: null,
    frequencyNote: '"On an ongoing basis".',
    approvalMode: 'facility_policy',
    approvalNote: "The facility's written policies, under NYSDOH regulations.",
    contentSummary:
      'Identifying and responding to possible trafficking victims under the facility policy; patients under 18 ' +
      'are referred to the State Central Register.',
    sources: [
      { title: 'NY Public Health Law §2805-y (NY State Senate)', url: 'https://nysenate.gov' },
      { title: 'NYSDOH Dear Administrator Letter 18-04', url: 'https://health.ny.gov' },
    ],
    confidence: 'H',
    unconfirmed: true,
    note: 'UNCONFIRMED: the final text of 10 NYCRR 405.9(g) (proposed in 2018).',
    reviewedOn: REVIEWED_ON,
  },
  {
    code: 'ca-posting',
    state: 'CA',
    scope: 'facility',
    licenseTypes: [],
    licenseTypesDescription:
      'Emergency rooms of general acute care hospitals, urgent care centers and pediatric-care facilities ' +
      '(Civ. Code §52.6). No California licensee training mandate was found.',
    hours: null,
    hoursNote: null,
    frequency: 'posting_only',
    everyNRenewals: null,
    frequencyNote: null,
    approvalMode: 'none',
    approvalNote: "The California DOJ's model notice.",
    contentSummary:
      'A notice of at least 8.5" x 11" in 16-point type, in English, Spanish and the county\'s most common other ' +
      'language; penalties of $500 and $1,000. The training in AB 2034 (2018) applies to transit stations, not ' +
      'hospitals.',
    sources: [
      { title: 'CDPH All Facilities Letter 13-26', url: 'https://cdph.ca.gov' },
      { title: 'LawServer', url: 'https://lawserver.com' },
      { title: 'LegiScan, AB 2034', url: 'https://legiscan.com' },
    ],
    confidence: 'M',
    unconfirmed: false,
    note: 'Confidence M: "no licensee mandate" is the result of a search; review it.',
    reviewedOn: REVIEWED_ON,
  },
  {
    code: 'la-abortion-facility',
    state: 'LA',
    scope: 'facility',
    licenseTypes: [],
    licenseTypesDescription:
      'Only the staff and professionals of outpatient abortion facilities (R.S. 40:2175.7).',
    hours: null,
    hoursNote: null,
    frequency: 'annual',
    everyNRenewals: null,
    frequencyNote: 'Certified to LDH each year.',
    approvalMode: 'none',
    approvalNote: 'HHS/ACF videos are referenced.',
    contentSummary: 'Human-trafficking awareness for a narrow scope of facility.',
    sources: [
      { title: 'legiplex: SB 238 (2019) / SB 363 (2020)' },
      { title: 'La. R.S. 40:2175.7, Louisiana State Legislature', url: 'https://legis.la.gov' },
    ],
    confidence: 'M',
    unconfirmed: false,
    note: 'Confidence M, from one secondary source; the legislature site is cited to check the statute.',
    reviewedOn: REVIEWED_ON,
  },
  {
    code: 'ct-no-healthcare-rule',
    state: 'CT',
    scope: 'none',
    licenseTypes: [],
    licenseTypesDescription:
      'Training is confirmed only for school employees (PA 17-32: annual, every 3 years since PA 21-103) and ' +
      'hotels; none confirmed for healthcare licensees.',
    hours: null,
    hoursNote: null,
    frequency: null,
    everyNRenewals: null,
    frequencyNote: null,
    approvalMode: 'none',
    approvalNote: 'DCF program (for the school rule).',
    contentSummary: 'No healthcare rule to describe.',
    sources: [
      { title: 'Connecticut School Law', url: 'https://ctschoollaw.com' },
      { title: 'Connecticut General Assembly', url: 'https://cga.ct.gov' },
    ],
    confidence: 'L',
    unconfirmed: true,
    note:
      'UNCONFIRMED: a University of Michigan claim that healthcare professionals need annual training under ' +
      '"§17a-106h"; not encoded as a rule.',
    reviewedOn: REVIEWED_ON,
  },
  {
    code: 'ky-no-mandate',
    state: 'KY',
    scope: 'none',
    licenseTypes: [],
    licenseTypesDescription: 'No human-trafficking training mandate was found for healthcare licensees.',
    hours: null,
    hoursNote: null,
    frequency: null,
    everyNRenewals: null,
    frequencyNote: null,
    approvalMode: 'none',
    approvalNote: null,
    contentSummary:
      'No rule to describe; the only KRS training items found were HIV/AIDS and pediatric head trauma for nurses.',
    sources: [
      { title: 'Kentucky Revised Statutes, Kentucky General Assembly', url: 'https://legislature.ky.gov' },
    ],
    confidence: 'L',
    unconfirmed: true,
    note:
      'The facts rate this "not found": an absence after a search, not a statute saying none, and they cite no ' +
      'source (the legislature site is given to check it).',
    reviewedOn: REVIEWED_ON,
  },
  {
    code: 'oh-nurses-claim',
    state: 'OH',
    scope: 'none',
    licenseTypes: [],
    licenseTypesDescription:
      'No healthcare rule confirmed. A claim names nurses (1 contact hour); the Ohio Cosmetology board required ' +
      '1 hour in 2015–17, which is not healthcare.',
    hours: null,
    hoursNote: null,
    frequency: null,
    everyNRenewals: null,
    frequencyNote: null,
    approvalMode: 'none',
    approvalNote: null,
    contentSummary: 'No rule to describe.',
    sources: [
      { title: 'Ohio Adm. Code 4723-14-03', url: 'https://codes.ohio.gov' },
      { title: 'University of Michigan list (secondary claim)' },
    ],
    confidence: 'L',
    unconfirmed: true,
    note:
      'UNCONFIRMED: a University of Michigan claim that nurses need 1 contact hour under OAC 4723-14-03; the rule ' +
      'text seen has no trafficking requirement. Not encoded as a rule.',
    reviewedOn: REVIEWED_ON,
  },
];
