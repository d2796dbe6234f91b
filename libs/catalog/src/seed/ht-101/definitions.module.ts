import type { ModuleContent } from '../course-content';
import { references } from './ht-101.sources';

export const definitions: Omit<ModuleContent, 'estimatedMinutes'> = {
  key: 'definitions',
  title: 'Definitions and types of human trafficking',
  body: `## Why the legal definition matters at the bedside

You do not have to prove a crime to help a patient. Knowing what the law actually counts as trafficking,
however, protects you from two errors: dismissing a real case because it does not match the stereotype, and
calling something trafficking when it is not. It also gives you precise words for the chart and for a
referral.

## The federal definition

The Trafficking Victims Protection Act (TVPA), codified at 22 U.S.C. § 7102, describes two "severe forms of
trafficking in persons":

- **Sex trafficking:** a person is induced to perform a commercial sex act by force, fraud, or coercion,
  **or** the person induced is younger than 18.
- **Labor trafficking:** a person is recruited, harbored, transported, provided, or obtained for labor or
  services through force, fraud, or coercion, in order to hold them in involuntary servitude, peonage, debt
  bondage, or slavery.

The statute's list of acts for sex trafficking is broad: recruiting, harboring, transporting, providing,
obtaining, patronizing, or soliciting a person for a commercial sex act. Buyers, not only the person in
control, can fall within it.

## A three-part check: act, means, purpose

| Element | What it covers | Note |
|---|---|---|
| **Act** | Any one of: recruiting, harboring, transporting, providing, or obtaining | For sex: also patronizing or soliciting |
| **Means** | Force, fraud, or coercion | Not needed when a minor is in commercial sex |
| **Purpose** | Commercial sex, or labor or services | Labor: servitude, peonage, debt bondage, or slavery |

**Transporting is one possible act, not a requirement.** Any single act on the list is enough: a person who
is recruited or harbored and then exploited where they already live meets the definition without ever being
moved. Crossing a border, or any travel at all, is not needed.

## Key terms

- **Commercial sex act:** any sex act for which anything of value is given to or received by anyone. The value
  does not have to be cash; a place to sleep, food, drugs, or a ride can qualify.
- **Force:** physical violence, confinement, or restraint.
- **Fraud:** lies used to draw a person in or keep them there, such as a fake job offer or false promises
  about pay, housing, or a relationship.
- **Coercion:** the TVPA recognizes three forms:
  1. threats of serious harm to, or physical restraint against, any person (the person threatened may be a
     relative);
  2. a scheme, plan, or pattern meant to make the person believe that refusing would bring serious harm or
     restraint;
  3. abuse, or threatened abuse, of the legal process, such as threatening to have someone deported or
     arrested.
- **Debt bondage:** the person's work is pledged against a debt, but the value of that work is not fairly
  credited to the debt, or the length and nature of the work are never defined. In practice, a "debt" for
  travel, housing, or fees never shrinks, however much the person works.

## Minors: the means do not matter in commercial sex

Anyone under 18 who is induced into a commercial sex act is a trafficking victim under federal law, whether or
not force, fraud, or coercion is present. No third-party controller is required: a 16-year-old who trades sex
for somewhere to stay meets the definition. The federal labor-trafficking definition has no such age
exception; for a minor in forced work it still requires force, fraud, or coercion, although child labor and
child-abuse laws may apply on their own.

## Adults in commercial sex

For an adult, commercial sex is trafficking when it is induced by force, fraud, or coercion. Do not assume
that every adult who sells sex is trafficked. Equally, do not assume that an adult who calls it "my choice"
cannot be: a debt, threats against family, or a controlling partner may sit behind that choice.

## Trafficking is not smuggling

| | Trafficking | Smuggling |
|---|---|---|
| What it is | Exploiting a person for labor, services, or sex | Moving a person across a border illegally |
| Movement | Transporting is one possible act; no travel or border crossing is required | Crossing a border is the offense |
| Relationship | Lasts as long as the exploitation | Usually ends on arrival |

The two can overlap. A person who agreed to be smuggled may arrive owing a "debt" that is then used to hold
them in forced work; from that point the situation is trafficking. And because movement is not required, U.S.
citizens are trafficked without ever leaving their own town.

## In practice

A 17-year-old comes to urgent care with a urinary tract infection. He mentions that an older friend "sets up
dates" for him and that the men pay for the motel room where the two of them stay.

- **Act:** the friend arranges the encounters (recruiting and providing him).
- **Purpose:** commercial sex; a paid motel room is something of value.
- **Means:** not required, because he is under 18.

Under federal law he is a trafficking victim. Your next steps follow your state's child-abuse reporting law,
covered in the module on reporting, documentation, and referral.

${references('tvpa', 'mythsFacts')}`,
};
