import type { ModuleContent } from '../course-content';
import { references } from './ht-101.sources';

export const resources: Omit<ModuleContent, 'estimatedMinutes'> = {
  key: 'resources',
  title: 'Resources: hotline, training, and screening tools',
  body: `## National Human Trafficking Hotline

- **Call 1-888-373-7888.**
- **Text 233733** ("BeFree") with the word HELP or INFO.
- TTY users can dial 711; live chat is also available.
- Open 24 hours a day, 7 days a week.
- **Languages:** calls are answered in English and Spanish, with interpreters for more than 200 other
  languages. Text and chat are in English and Spanish only.
- Operated by Polaris. The hotline is **not** law enforcement or an immigration agency, and callers can stay
  anonymous.
- **What it shares:** the hotline keeps what callers tell it confidential as a rule, but it informs the appropriate
  authorities when it suspects that a child is being abused or that someone faces imminent harm.
  Say this plainly to a patient before you suggest the call or make it together, so that the choice is
  theirs.
- Clinicians can call too: to talk a concern through or to report a tip, with or without identifying the
  patient.

## Emergencies

Call **911** when anyone is in immediate danger, and activate your facility's security response.

## Training and tools

**SOAR Online**

- Free online CE/CME modules from HHS's SOAR to Health and Wellness program, run by the Administration for
  Children and Families' Office on Trafficking in Persons with the Office on Women's Health, through NHTTAC.
- Use it for further training for you and your team.

**HEAL Trafficking Protocol Toolkit (2017)**

- A free toolkit for building a trafficking response protocol in emergency departments, hospitals, clinics,
  private offices, and school-based health centers.
- Use it to write or update your facility's protocol.

**PEARR Tool**

- A free, trauma-informed guide to the conversation: Provide privacy, Educate, Ask, Respect and Respond.
- Developed by Dignity Health (now CommonSpirit) with HEAL Trafficking and the Pacific Survivor Center, and
  launched in 2018. It follows a universal-education model.
- Use it to structure each patient conversation.

**Vera Institute Trafficking Victim Identification Tool (TVIT)**

- Developed in 2014 with funding from the National Institute of Justice; the first statistically validated
  trafficking screening tool in the United States.
- The long form covers 30 topics; a 16-question short form kept its predictive ability in the study.
- Validated for both sex and labor trafficking, and for both U.S.-born and foreign-born people, **in 180
  interviews with clients of 11 victim-service agencies**. It has not been validated in emergency departments or clinics, so
  treat it as a structured guide there, not as a test that rules trafficking in or out.
- Free, in English and Spanish, and usable without permission.

## In practice: build your unit's quick-reference card

Put these on one card at every workstation:

- the hotline's phone and text numbers, and what the hotline shares with authorities;
- how to reach interpreter services, including by phone;
- social work and security contacts;
- your state's child-abuse, elder-abuse, and injury reporting numbers and rules;
- where your facility's trafficking protocol is kept;
- the PEARR steps and four or five screening questions you are comfortable asking.

${references('hotline', 'hotlinePolicy', 'soar', 'healToolkit', 'pearr', 'tvit', 'tvitValidation')}`,
};
