import type { ModuleContent } from '../course-content';
import { references } from './ht-101.sources';

export const warningSigns: Omit<ModuleContent, 'estimatedMinutes'> = {
  key: 'warning-signs',
  title: 'Recognizing warning signs in the clinical setting',
  body: `## Why healthcare is a point of contact

Trafficked people do see clinicians. The figure most often quoted comes from a 2014 study by Lederer and
Wetzel: about **88%** of the sex-trafficking survivors they surveyed had contact with healthcare while they
were being exploited, most often in an emergency department. Read that number with its limits in mind. It
comes from **one convenience sample of about 106 survivors**, recruited through survivor-support
organizations rather than chosen at random, and it covers sex trafficking only. Other survivor studies have
found lower rates, from about 28% to 68%. None of these figures tells you how often trafficked patients come
to your own department. What it does show, together with HHS's SOAR program
(which notes that more than two-thirds of adult survivors had seen a healthcare provider), is that contact
with healthcare during exploitation is common, not rare.

Too often these visits are missed opportunities. Common barriers include:

- little time in the visit;
- no protocol or referral pathway;
- limited training, and uncertainty about reporting laws;
- patients who are fearful or guarded;
- a companion who never leaves the room, so the patient is never alone with the clinician.

The rest of this course addresses each of these barriers.

## Warning signs to notice

No single sign proves trafficking, and most have other explanations. Look for clusters, and especially for
signs that someone else controls the patient's life.

### The companion

- Speaks for the patient, answers questions put to the patient, or corrects the patient's answers.
- Insists on staying in the room.
- Holds the patient's identity documents or money.

### The history

- Details are inconsistent or vague, sound rehearsed, or change from one staff member to the next.
- The patient has no identification, or someone else keeps it.
- The patient is disoriented about where they are, or cannot give the address where they live or work.

### The patient's condition

- Signs of physical or sexual abuse.
- Injuries or illnesses left untreated, or care sought late.
- Marked fatigue or exhaustion.
- Fear, anxiety, or submissive behavior, especially toward the companion.

The next module describes the health effects of trafficking in more detail. Read behavior with care: fear or
silence can also reflect culture, language, or past trauma (see the module on cultural considerations).

### The patient's circumstances

- Not free to come and go: cannot leave the workplace or residence without permission.
- No control over their own money or earnings.
- Restricted communication: no phone, a phone held by someone else, or not allowed to speak to others.

## In practice

It is 2 a.m. A 24-year-old man arrives with a deep hand laceration that he says happened three days ago. A man
who introduces himself as the patient's supervisor answers the triage questions, holds the patient's passport,
and asks how soon they can leave. The patient looks exhausted and cannot say where the house he sleeps in is.

What you have noticed:

- a companion who speaks for the patient;
- someone else holding his identification;
- an untreated injury and delayed care;
- exhaustion, and disorientation about where he lives.

What to do next:

1. Treat the injury. Clinical care comes first and continues whatever happens next.
2. Create private time using a routine reason (see the protocols module).
3. Once alone, ask about safety first, then a few screening questions, with a professional interpreter if
   needed.
4. Document what you observed, in objective terms.
5. Offer resources even if he discloses nothing.

Do not confront the companion, and do not voice your suspicion where the companion can hear it.

${references('ledererWetzel', 'soar', 'iomGuide')}`,
};
