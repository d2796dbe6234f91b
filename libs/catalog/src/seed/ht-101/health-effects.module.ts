import type { ModuleContent } from '../course-content';
import { references } from './ht-101.sources';

export const healthEffects: Omit<ModuleContent, 'estimatedMinutes'> = {
  key: 'health-effects',
  title: 'Health effects of trafficking',
  body: `## Why the health picture matters

Trafficking harms health through violence, through the conditions of the work, and through the loss of control
over sleep, food, movement, and care. Knowing the pattern helps you in two ways: it makes warning signs easier
to see, and it tells you what a patient may need, whether or not they ever disclose. Texas, for example,
requires the trafficking courses it approves for licensed practitioners to cover the health impact of
trafficking, beside identification and response.

None of the conditions below is specific to trafficking. They matter when they appear together, when the
explanation does not fit the finding, or when the patient is not free to seek care.

## Injuries and physical health

- **Injuries from violence:** bruises of different ages, fractures, burns, bite marks, head injuries, and signs
  of strangulation (voice change, petechiae, neck marks, trouble swallowing).
- **Neglected care:** untreated wounds and infections, chronic conditions such as diabetes or asthma left
  unmanaged, and care sought only when a problem has become severe.
- **Deprivation:** exhaustion, dehydration, weight loss, and malnutrition.
- **Dental problems:** untreated caries, broken teeth, and dental pain, sometimes from blows to the face.
- **Marks of control:** some traffickers tattoo or brand the people they control, for example with a name or a
  symbol of money. Ask about a tattoo's meaning only when the patient is alone and it is safe to do so.

## Sexual and reproductive health

- Sexually transmitted infections, including HIV and hepatitis B and C, often repeated or untreated.
- Unintended pregnancy, repeated pregnancies, and pregnancies ended under pressure from someone else.
- Genital and anal trauma, pelvic pain, and urinary tract infections.
- Little or no control over contraception or condom use.

Offer testing, treatment, emergency contraception, and follow-up in ways the patient says are safe, including
how results will reach them.

## Mental health and substance use

- Post-traumatic stress disorder, depression, and anxiety are common, as are dissociation, sleep problems, and
  somatic complaints such as headaches or abdominal pain.
- Suicidal thoughts and self-harm: screen for them as you would for any patient with a history of trauma.
- Substance use may come before the exploitation (a vulnerability), be forced or supplied by the trafficker
  (a tool of control), or serve as a way to cope. Withdrawal can be used as leverage.
- Trauma bonding: a patient may defend, protect, or return to the person exploiting them. This is a response to
  trauma and dependence, not a sign that nothing is wrong.

## Health effects of labor trafficking

People trafficked for labor are often injured by the work itself, in fields, factories, kitchens, construction,
fishing, or private homes:

- cuts, crush injuries, falls, and amputations from machinery, often without protective equipment;
- heat illness, and skin or breathing problems from pesticides, chemicals, or dust;
- musculoskeletal injuries from long hours and repetitive or heavy work;
- hunger, dehydration, and exhaustion from withheld food, water, or rest;
- untreated illness, because time off or a visit to a clinic is not allowed.

Domestic workers held in private homes may show the same deprivation, with little chance to be seen by
anyone outside the household.

## In practice

A 35-year-old farmworker is brought in with heat exhaustion for the second time this month. He has an infected
cut on his hand that he hid from his crew boss, and he says he cannot leave the housing the employer provides
until he pays back the cost of his trip.

- **Health findings:** repeated heat illness, an infected untreated wound.
- **Warning signs:** a debt he cannot pay down, housing controlled by the employer, fear of being seen seeking
  care.
- **What to do:** treat both problems fully, make private time, ask about his working and living conditions,
  and offer resources in a form he says is safe to keep.

${references('ledererWetzel', 'healthEffects', 'laborHealth', 'iomGuide', 'texasRule')}`,
};
