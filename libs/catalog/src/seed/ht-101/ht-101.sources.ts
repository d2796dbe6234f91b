import type { CourseSource } from '../course-content';

/**
 * The public sources behind HT-101, one per fact group. Modules cite them by key (their "References" section) and
 * the course's activity file lists them all, so every statement a reviewer checks leads to a source.
 */
export const HT_101_SOURCES = {
  tvpa: {
    title: 'Trafficking Victims Protection Act definitions, 22 U.S.C. § 7102',
    url: 'https://www.law.cornell.edu/uscode/text/22/7102',
  },
  mythsFacts: {
    title: 'Polaris, Myths, Facts, and Statistics',
    url: 'https://polarisproject.org/myths-facts-and-statistics/',
  },
  vulnerability: {
    title: "U.S. Department of Education, Human Trafficking in America's Schools: Vulnerable Populations",
    url: 'https://safesupportivelearning.ed.gov/human-trafficking-americas-schools/vulnerable-populations',
  },
  ledererWetzel: {
    title:
      'Lederer LJ, Wetzel CA. The Health Consequences of Sex Trafficking and Their Implications for ' +
      'Identifying Victims in Healthcare Facilities. Annals of Health Law 23(1):61-91, 2014',
    url: 'https://lawecommons.luc.edu/annals/vol23/iss1/5',
  },
  soar: {
    title:
      "HHS Office on Trafficking in Persons and Office on Women's Health, SOAR to Health and Wellness Training",
    url: 'https://nhttac.acf.hhs.gov/soar',
  },
  iomGuide: {
    title:
      'International Organization for Migration and London School of Hygiene & Tropical Medicine, Caring for ' +
      'Trafficked Persons: Guidance for Health Providers (2009)',
    url: 'https://www.iom.int/caring-trafficked-persons-guide-health-providers',
  },
  healthEffects: {
    title:
      'Ottisova L, et al. Prevalence and risk of violence and the mental, physical and sexual health problems ' +
      'associated with human trafficking: an updated systematic review. Epidemiology and Psychiatric Sciences, 2016',
    url:
      'https://www.cambridge.org/core/journals/epidemiology-and-psychiatric-sciences/article/prevalence-and-risk-of-' +
      'violence-and-the-mental-physical-and-sexual-health-problems-associated-with-human-trafficking-an-updated-' +
      'systematic-review/777322861F04788DD175E8E3FA034E57',
  },
  laborHealth: {
    title:
      'Ronda-Pérez E, Moen BE. Labour trafficking: challenges and opportunities from an occupational health ' +
      'perspective. PLOS Medicine, 2017',
    url: 'https://pmc.ncbi.nlm.nih.gov/articles/PMC5699797',
  },
  texasRule: {
    title: 'Texas Administrative Code, 26 TAC § 370.1: human trafficking prevention training requirements',
    url: 'https://www.law.cornell.edu/regulations/texas/26-Tex-Admin-Code-SS-370-1',
  },
  pearr: {
    title:
      'CommonSpirit Health (Dignity Health), with HEAL Trafficking and Pacific Survivor Center, PEARR Tool',
    url: 'https://www.commonspirit.org/impact/human-trafficking-response-program/human-trafficking-resources-and-education',
  },
  healToolkit: {
    title:
      'HEAL Trafficking and Hope for Justice, Protocol Toolkit for Developing a Response to Victims of Human ' +
      'Trafficking in Health Care Settings (2017)',
    url: 'https://humantraffickinghotline.org/en/resources/protocol-toolkit-developing-response-victims-human-trafficking-health-care-settings',
  },
  tvit: {
    title:
      'Vera Institute of Justice, Out of the Shadows: A Tool for the Identification of Victims of Human Trafficking (2014)',
    url: 'https://www.vera.org/publications/out-of-the-shadows-identification-of-victims-of-human-trafficking',
  },
  tvitValidation: {
    title:
      'Simich L, et al. Improving Human Trafficking Victim Identification: Validation and Dissemination of a ' +
      'Screening Tool. Final report to the National Institute of Justice (NCJ 246712), 2014',
    url: 'https://nij.ojp.gov/library/publications/improving-human-trafficking-victim-identification-validation-and-dissemination',
  },
  hipaa: {
    title:
      'HIPAA Privacy Rule, 45 CFR 164.512(c) and (j): disclosures about victims of abuse, neglect, or domestic ' +
      'violence, and to avert a serious threat',
    url: 'https://www.law.cornell.edu/cfr/text/45/164.512',
  },
  caInjuryReporting: {
    title: 'California Penal Code § 11160: reports of injuries from assaultive or abusive conduct',
    url: 'https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=PEN&sectionNum=11160',
  },
  caElderAbuse: {
    title: 'California Welfare and Institutions Code § 15630: elder and dependent adult abuse reporting',
    url: 'https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=WIC&sectionNum=15630',
  },
  nyPhl2805y: {
    title: 'New York Public Health Law § 2805-y: human trafficking victims in hospitals',
    url: 'https://www.nysenate.gov/legislation/laws/PBH/2805-Y',
  },
  hotline: {
    title: 'National Human Trafficking Hotline, What We Do',
    url: 'https://humantraffickinghotline.org/about-us/what-we-do',
  },
  hotlinePolicy: {
    title:
      'National Human Trafficking Hotline, Our Approach (confidentiality and when it informs authorities)',
    url: 'https://humantraffickinghotline.org/our-approach',
  },
  icd10: {
    title:
      'HEAL Trafficking, CDC Adds New Human Trafficking Data Collection Fields for Health Care Providers',
    url: 'https://healtrafficking.org/publications/cdc-adds-new-human-trafficking-data-collection-fields-for-health-care-providers/',
  },
  codeUse: {
    title:
      'Use of human trafficking ICD-10-CM codes in the 2019 Nationwide Emergency Department Sample. American ' +
      'Journal of Emergency Medicine, 2022',
    url: 'https://www.ajemjournal.com/article/S0735-6757(22)00714-8/fulltext',
  },
  portalRelease: {
    title: 'Information blocking rule, 45 CFR 171.201: the preventing harm exception',
    url: 'https://www.law.cornell.edu/cfr/text/45/171.201',
  },
  samhsa: {
    title:
      "SAMHSA, SAMHSA's Concept of Trauma and Guidance for a Trauma-Informed Approach (HHS Publication No. (SMA) " +
      '14-4884, 2014)',
    url: 'https://nicic.gov/samhsas-concept-trauma-and-guidance-trauma-informed-approach',
  },
  tVisa: {
    title: 'U.S. Citizenship and Immigration Services, Victims of Human Trafficking: T Nonimmigrant Status',
    url: 'https://www.uscis.gov/humanitarian/victims-of-human-trafficking-and-other-crimes/victims-of-human-trafficking-t-nonimmigrant-status',
  },
  hhsLetters: {
    title: 'HHS Office on Trafficking in Persons, Certification and Eligibility Letters',
    url: 'https://www.acf.hhs.gov/otip/victim-assistance/eligibility-letters',
  },
  continuedPresence: {
    title: 'U.S. Department of Homeland Security, Continued Presence',
    url: 'https://www.dhs.gov/continued-presence',
  },
} satisfies Record<string, CourseSource>;

export type SourceKey = keyof typeof HT_101_SOURCES;

/** A module's "References" section: the sources its statements rest on, as a Markdown list. */
export function references(...keys: SourceKey[]): string {
  const lines = keys.map((key) => `- [${HT_101_SOURCES[key].title}](${HT_101_SOURCES[key].url})`);
  return `### References\n\n${lines.join('\n')}`;
}

/** Every source once, in the order of first citation, for the course's activity file. */
export function allSources(): CourseSource[] {
  const seen = new Map<string, CourseSource>();
  for (const source of Object.values(HT_101_SOURCES)) {
    const key = `${source.title}\n${source.url}`;
    if (!seen.has(key)) seen.set(key, { title: source.title, url: source.url });
  }
  return [...seen.values()];
}
