import type { ModuleContent } from '../course-content';
import { references } from './ht-101.sources';

export const reporting: Omit<ModuleContent, 'estimatedMinutes'> = {
  key: 'reporting',
  title: 'Reporting, documentation, and referral',
  body: `> **This module explains general principles. It is not legal advice.**
>
> Reporting duties differ from state to state and change over time. Learn the laws of the state where you
> practice through your facility's protocol and its legal or compliance team.

## Patients under 18

- Suspected trafficking of a minor is handled as child abuse or neglect. Report to child protective services
  or to law enforcement, as your state's child-abuse reporting law directs, and follow your facility's
  protocol.
- The report does not depend on the young person's agreement, and you do not need proof: mandated-reporting
  laws act on suspicion, at the threshold your state sets.
- Gather only the minimal facts you need for care and for the report. The detailed account belongs to trained
  forensic interviewers; repeated questioning can retraumatize the child.
- Tell the young person honestly what you have to do and what will happen next.
- Some states add their own rules. New York's Public Health Law § 2805-y, for example, ties hospital responses
  to suspected trafficking of patients under 18 to the state's child-abuse reporting system.

## Adult patients

### No federal duty to report trafficking, but other duties can apply

No federal law requires you to report the trafficking of an adult as such. That does not mean no report is
ever required. Depending on your state, other laws can apply to the same patient:

- **Injury-reporting laws.** Some states require clinicians to report certain injuries whatever their cause.
  California Penal Code § 11160, for example, requires health practitioners to report to law enforcement when
  they treat a patient for a physical injury they know or reasonably suspect was caused by assaultive or
  abusive conduct (as well as firearm injuries). The duty is triggered by the injury, not by trafficking as
  such, but a trafficked adult with injuries from a beating can fall under it. Bills to replace this duty
  have been introduced more than once, so check the current text.
- **Elder and dependent-adult abuse laws.** Most states require clinicians to report suspected abuse, neglect,
  or exploitation of older adults and of adults with disabilities that make them dependent on others,
  usually to adult protective services (in California, under Welfare and Institutions Code § 15630).
- **Other state laws** may name trafficking itself, domestic violence, or specific injuries.

Know which of these apply where you practice before you need them. Where none requires a report, reports about
an adult are made with the adult's agreement.

### What HIPAA allows

HIPAA does not stand in the way of a lawful report, but it sets conditions. Under the Privacy Rule
(45 CFR 164.512(c)), you may disclose information about an adult you reasonably believe is a victim of abuse,
neglect, or domestic violence to an authority that is allowed by law to receive such reports when:

1. a law **requires** the report (and you disclose only what that law requires); or
2. the patient **agrees** to the report; or
3. a statute or regulation **expressly authorizes** the report, and you believe, in your professional judgment,
   that it is necessary to **prevent serious harm** to the patient or to other potential victims (the rule has
   a separate provision for a patient who cannot agree because of incapacity).

When you make such a report, the rule expects you to tell the patient promptly that a report was made, unless
telling them would put them at risk of serious harm. Reports of child abuse fall under a separate provision of
the rule and under state child-abuse law.

These provisions **permit** a disclosure; HIPAA itself never requires one. Whether a report is required
depends on the other laws above.

Separately, 45 CFR 164.512(j) allows a disclosure, consistent with law and ethics, when you believe in good
faith that it is necessary to prevent or lessen a **serious and imminent threat** to the health or safety of a
person or the public, made to someone reasonably able to prevent or lessen the threat.

A concern can also be talked through without information that identifies the patient, for example by calling
the National Human Trafficking Hotline and describing the situation in general terms.

### When an adult declines

If a competent adult declines a report that no law requires, respect the decision. Offer resources in a way
that is safe for them, document the conversation, and leave the door open for a later visit. If anyone is in
immediate danger, call 911 and follow your facility's emergency procedures.

## Documentation

Write down what you saw and heard, not conclusions you cannot support.

- Quote the patient's own words where they matter.
- Note who came with the patient and what that person did (for example, "companion answered all triage
  questions").
- Describe injuries precisely: type, location, size, and stage of healing. Use body diagrams or photographs
  only as your policy and the patient's consent allow.
- Record the interpreter's name or ID number.
- List the resources offered and any report made, with the agency, the time, and any reference number.
- Avoid labels such as "prostitute" or "illegal"; describe facts and behavior instead.

### ICD-10-CM codes

Since October 1, 2018 (fiscal year 2019), ICD-10-CM has included codes for forced sexual and labor
exploitation:

| Code | Meaning |
|---|---|
| T74.51 / T74.52 | Forced sexual exploitation, **confirmed**: adult / child |
| T74.61 / T74.62 | Forced labor exploitation, confirmed: adult / child |
| T76.51 / T76.52 | Forced sexual exploitation, **suspected**: adult / child |
| T76.61 / T76.62 | Forced labor exploitation, suspected: adult / child |
| Z04.81 / Z04.82 | Exam and observation following alleged forced sexual / labor exploitation |
| Z62.813 | Personal history of forced labor or sexual exploitation in childhood |
| Z91.42 | Personal history of forced labor or sexual exploitation |
| Y07.6 | Multiple perpetrators of maltreatment and neglect |

- The T codes take a 7th character: A (initial encounter), D (subsequent encounter), or S (sequela).
- When an exam **rules out** the suspected exploitation, coding guidelines call for Z04.81 or Z04.82, not a
  T76 code.
- Confirm codes against the current year's code set with your coding team.

These codes are rarely used. An analysis of the 2019 Nationwide Emergency Department Sample, published in the
American Journal of Emergency Medicine, found them on about 0.0016% of ED visits. Accurate coding helps health
systems see the real burden and plan services.

### Who else may read the record

Diagnosis codes, problem lists, notes, and after-visit summaries can appear in a **patient portal**, on
discharge papers, and on insurance statements, often soon after the visit. A trafficker who holds the
patient's phone, passwords, or insurance card may see them. Before you code, document, or print:

- ask the patient what is safe to take home and who can read their portal or mail;
- follow your facility's process for withholding specific information from the portal when releasing it
  could endanger the patient: the federal information-blocking rules allow this under their "preventing
  harm" exception, based on a licensed clinician's individual judgment, and a patient may also ask that
  information not be shared;
- describe findings accurately; never leave out clinical facts, but think about where and how they are shown.

## Referral

- **National Human Trafficking Hotline:** call 1-888-373-7888 or text 233733, 24 hours a day. The hotline is
  not law enforcement, and callers may stay anonymous, but it informs the authorities when it suspects that a
  child is being abused or that someone faces imminent harm. Tell the patient this before you call together.
- **911** when anyone is in immediate danger.
- **Inside your facility:** social work, case management, and behavioral health, as your protocol directs.
- Offer a warm handoff: with the patient's agreement, call the hotline together from a private room.
- Ask how the patient can safely keep the number: memorized, written on something ordinary, or saved under
  another name.

${references(
  'hipaa',
  'caInjuryReporting',
  'caElderAbuse',
  'nyPhl2805y',
  'hotlinePolicy',
  'icd10',
  'codeUse',
  'portalRelease',
)}`,
};
