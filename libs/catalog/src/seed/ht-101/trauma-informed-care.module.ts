import type { ModuleContent } from '../course-content';
import { references } from './ht-101.sources';

export const traumaInformedCare: Omit<ModuleContent, 'estimatedMinutes'> = {
  key: 'trauma-informed-care',
  title: 'A trauma-informed approach',
  body: `## Why it matters

People who have been trafficked have usually lived through repeated trauma, often at the hands of people who
controlled their bodies, their time, and their choices. Ordinary parts of care (undressing, being touched,
waiting behind a closed door, answering the same questions again and again) can feel like that control
returning. A trauma-informed approach lowers that risk and makes it more likely that the patient will trust
you now and come back later.

## SAMHSA's framework

SAMHSA's 2014 guidance on a trauma-informed approach (HHS Publication No. SMA 14-4884) describes **four R's**.
A trauma-informed organization:

1. **Realizes** how widely trauma affects people;
2. **Recognizes** the signs of trauma;
3. **Responds** by building knowledge of trauma into its policies, procedures, and practice;
4. **Resists re-traumatization**, actively avoiding practices that repeat the harm.

It also sets out **six principles**. Here is what each looks like at the bedside:

| Principle | At the bedside |
|---|---|
| Safety | A private, calm space; physical and emotional safety for patients and staff |
| Trustworthiness and transparency | Explain what you do and why, including limits of confidentiality |
| Peer support | Know about survivor-led or peer services and offer them when available |
| Collaboration and mutuality | Make decisions with the patient rather than for them |
| Empowerment, voice, and choice | Offer real choices: gown, chaperone, examiner's gender, which questions |
| Cultural, historical, and gender issues | Respond to the patient's culture, history, and gender |

## PEARR: a trauma-informed conversation in four steps

The PEARR tool turns these principles into a routine for the visit:

- **P**rovide privacy: see the patient alone, with a professional interpreter if needed.
- **E**ducate: explain that you share information about abuse and exploitation with all patients, and why.
- **A**sk: if you have concerns, ask gently about the patient's situation, without pressure.
- **R**espect and **R**espond: respect the patient's decisions, and respond to their needs with resources,
  referrals, and any report the law requires.

PEARR rests on **universal education**: every patient receives information about abuse and where to find help,
whether or not they disclose anything. The aim is not to screen in order to extract a disclosure. A patient
who is not ready to talk still leaves knowing that help exists and that you are safe to come back to.

## SOAR: HHS's four steps

HHS's SOAR to Health and Wellness training organizes the response as:

- **Stop:** know the types of trafficking and its risk factors.
- **Observe:** notice individual and environmental indicators.
- **Ask:** screen using a trauma-informed, person-centered approach.
- **Respond:** coordinate care and services across disciplines.

## In practice: trauma-informed habits

- Introduce yourself and your role, and sit at the patient's eye level.
- Before you touch the patient, say what you are going to do and ask permission.
- Offer choices wherever you can, and accept "no" as an answer.
- Ask only what you need to know. Do not make the patient repeat the story to every new staff member.
- Keep the door closed for privacy, but do not stand between the patient and the way out.
- End every encounter with information about help, even when nothing was disclosed.

${references('samhsa', 'pearr', 'soar')}`,
};
