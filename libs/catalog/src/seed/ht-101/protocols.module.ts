import type { ModuleContent } from '../course-content';
import { references } from './ht-101.sources';

export const protocols: Omit<ModuleContent, 'estimatedMinutes'> = {
  key: 'protocols',
  title: 'Protocols: privacy, safety, screening questions, and interpreters',
  body: `## Have a protocol before you need it

A trafficking concern is hard to handle well by improvising in the middle of a busy shift. Every emergency
department and clinic should have a written protocol that says:

- whom to call (social work, security, the charge nurse or supervisor);
- how to reach a professional interpreter quickly;
- how to make any report your state requires;
- where to refer patients, inside and outside the facility.

If your site has no protocol, the HEAL Trafficking Protocol Toolkit (see the resources module) was built to
help you write one.

## Step 1: create privacy

Seeing every patient alone for part of each visit, as a routine, means no one is singled out. Low-conflict
ways to separate a companion:

- **Cite policy:** "It's our policy to see every patient on their own for part of the visit."
- **Use a private part of the exam:** some parts of the exam are done without visitors present.
- **Use a test or a transfer:** a trip to radiology, or a urine sample collected in the restroom.
- **Give the companion a task:** ask them to complete registration forms in the lobby.

**If the companion refuses to leave:**

- Do not insist if pressing the point could put the patient or staff at risk.
- Keep providing care.
- Quietly let your supervisor or security know.
- Watch for another natural chance to be alone with the patient later in the visit.
- Never say aloud, in front of the companion, that you suspect trafficking.

## Step 2: safety and transparency first

Once you are alone with the patient:

1. **Check safety:** "Is it safe for you to talk with me right now?"
2. **Explain the limits of confidentiality** before any sensitive question. Say plainly what you would be
   required to report (for example, abuse of a child). Never promise total secrecy.
3. **Hand over control:** the patient may decline any question and may stop at any time.

## Step 3: ask screening questions

Use plain, non-judgmental language. Patients rarely describe themselves as "trafficked", so ask about their
circumstances instead of using the word. For example:

- "Are you free to come and go when you want?"
- "Do you owe money to your employer, or to the person who brought you here?"
- "Has anyone threatened you or your family if you leave?"
- "Do you have to ask permission to eat, sleep, or see a doctor?"
- "Who keeps your ID and your pay?"

Keep it short and follow the patient's lead. The goal is not to extract a disclosure: whatever the answers,
offer information and resources (see the trauma-informed care module).

**About screening tools.** The Vera Institute's Trafficking Victim Identification Tool (TVIT) is the
best-known validated instrument, but it was validated in interviews with clients of victim-service
agencies, not with patients in emergency departments or clinics. Its accuracy in a busy clinical setting has
not been established, and its full form is long. Use it, or questions drawn from it, as a structured guide
where your protocol calls for one, not as a test that rules trafficking in or out.

## Step 4: use a professional interpreter

Language access is a safety issue as well as a quality issue. Use a trained, neutral interpreter, in person,
by video, or by phone.

- **Never** ask any of these people to interpret: a family member (including the patient's children), the
  companion, another patient who may also be a victim, or anyone from the patient's community who might have
  ties to the trafficker.
- A phone interpreter, who never sees the patient, may feel safer to the patient.
- Ask whether the patient would prefer an interpreter of a particular gender, and honor it when you can.
- Before you begin, confirm that the interpreter does not know the patient.

## In practice: private-time checklist

- [ ] Companion separated for a routine reason, or supervisor or security alerted if that was not safe
- [ ] Safety question asked first
- [ ] Limits of confidentiality explained before sensitive questions
- [ ] Professional interpreter used, not a companion or relative
- [ ] Screening questions about circumstances, not labels
- [ ] Resources offered in a form the patient says is safe to take
- [ ] Observations documented objectively

${references('pearr', 'healToolkit', 'tvitValidation', 'iomGuide')}`,
};
