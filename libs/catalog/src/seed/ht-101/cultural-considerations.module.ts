import type { ModuleContent } from '../course-content';
import { references } from './ht-101.sources';

export const culturalConsiderations: Omit<ModuleContent, 'estimatedMinutes'> = {
  key: 'cultural-considerations',
  title: 'Cultural considerations',
  body: `## Why culture matters here

Culture shapes how people describe illness, what they find shameful, whom they trust, and how they show fear.
Traffickers can exploit cultural and language barriers, for example by threatening a patient with deportation.
A culturally responsive clinician notices these influences without letting assumptions replace questions.

## Dimensions to keep in mind

- **Gender:** people of every gender are trafficked. Men and boys are often overlooked, and transgender and
  nonbinary people face added risk and added barriers to care. A patient may ask for a clinician, examiner, or
  interpreter of the same gender; honor the request when you can, whatever the patient's gender.
- **Age:** anyone under 18 in commercial sex is a victim whatever the means, and reporting rules for minors
  differ from those for adults. Adolescents may see the trafficker as a boyfriend, girlfriend, or protector.
  Older adults can be exploited too, for example as unpaid domestic workers or by a relative or caregiver,
  and elder-abuse reporting laws may then apply.
- **Race and ethnicity:** trafficking affects people of every background. Communities that have experienced
  racism, over-policing, or immigration enforcement may have good reasons to distrust authorities, which can
  make disclosure harder. Let observed signs, not a patient's appearance or ethnicity, set your level of
  concern, and check your own assumptions about who looks like a victim.
- **Religion:** faith can shape beliefs about illness, modesty, and shame. Ask about it respectfully rather
  than avoiding the subject.
- **Language:** use a professional interpreter, check literacy, and use plain language and visual aids.
- **Sexual orientation and gender identity:** LGBTQ youth rejected by their families are at higher risk. Use
  the patient's own words for themselves, including their name and pronouns, and ask without judgment.
- **Socioeconomic status:** poverty, homelessness, and debt are both vulnerabilities and tools of control. A
  patient may stay in an exploitative job because family members at home depend on the money, and may fear
  the cost of care more than the exploitation. Ask about money, housing, and work without judgment, and
  connect the patient with financial counseling or social work where you can.

## Ask for the patient's explanatory model

Ask how the patient understands the problem before you explain it your way:

- "What do you think is causing this?"
- "What worries you most about it?"
- "What do you think would help?"

Build their answers into the plan wherever it is safe to do so.

## Avoid quick assumptions

Silence, laughter, a flat expression, or avoiding eye contact can reflect fear, trauma, cultural norms, or not
following the language. Do not read these as agreement, dishonesty, or calm. Check understanding, and ask open
questions.

## Match the interpreter to the patient

- Ask about the patient's preferred language or dialect, and any preference for the interpreter's gender.
- Some patients distrust interpreters from their own community. They may fear gossip, or ties between the
  interpreter and the trafficker. A phone interpreter from outside the community may feel safer.

## Recognize immigration threats as coercion

Threats to call immigration, to have the patient deported, or to have them arrested are coercion under federal
law: abuse, or threatened abuse, of the legal process. Traffickers use these threats whether or not the
patient's status is actually at risk; victims may be U.S. citizens or lawfully present. Tell patients that the
National Human Trafficking Hotline is not law enforcement or an immigration agency and that callers can stay
anonymous, and also that the hotline informs the authorities when it suspects child abuse or imminent harm.

## In practice

A woman with limited English comes in with a man who offers to interpret for her. You call a phone interpreter
instead. Through the interpreter, she asks to see a female doctor and says her headaches are caused by a
curse. A culturally responsive response:

- arrange a female clinician if you can, and keep the phone interpreter;
- ask what she thinks would help, and include her view in the plan alongside your own;
- give written information only if she can read it, and use pictures or plain spoken explanations if not;
- do not dismiss her belief, and do not hand interpreting over to the man who brought her in.

${references('iomGuide', 'vulnerability', 'tvpa', 'hotlinePolicy')}`,
};
