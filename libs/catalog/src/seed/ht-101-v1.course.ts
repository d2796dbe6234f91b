import type { CourseContent } from './course-content';

/*
 * Version 1 of HT-101 exactly as it was published (2026-11). It is frozen: databases that hold it keep it, learners
 * who completed it keep their records, and a fresh install seeds it (retired) before the current version so that
 * both carry the same history. Changes go into a new version in `ht-101.course.ts`.
 */

const definitions = `## Why the legal definition matters at the bedside

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

The statute's wording for sex trafficking is broad: recruiting, harboring, transporting, providing, obtaining,
patronizing, or soliciting a person for a commercial sex act. Buyers, not only the person in control, can fall
within it.

## A three-part check: act, means, purpose

| Element | What it covers | Note |
|---|---|---|
| **Act** | Recruiting, harboring, moving, providing, or obtaining | For sex: also patronizing or soliciting |
| **Means** | Force, fraud, or coercion | Not needed when a minor is in commercial sex |
| **Purpose** | Commercial sex, or labor or services | Labor: servitude, peonage, debt bondage, or slavery |

Moving the person from one place to another is **not** one of the elements.

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

## Minors: the means do not matter

Anyone under 18 who is induced into a commercial sex act is a trafficking victim under federal law, whether or
not force, fraud, or coercion is present. No third-party controller is required: a 16-year-old who trades sex
for somewhere to stay meets the definition. The federal labor-trafficking definition has no such age
exception; it still requires force, fraud, or coercion.

## Adults in commercial sex

For an adult, commercial sex is trafficking only when it is induced by force, fraud, or coercion. Do not
assume that every adult who sells sex is trafficked. Equally, do not assume that an adult who calls it "my
choice" cannot be: a debt, threats against family, or a controlling partner may sit behind that choice.

## Trafficking is not smuggling

| | Trafficking | Smuggling |
|---|---|---|
| What it is | Exploiting a person for labor, services, or sex | Moving a person across a border illegally |
| Border crossing | Not required; it can happen in the victim's hometown | Part of the definition |
| Relationship | Lasts as long as the exploitation | Usually ends on arrival |

The two can overlap. A person who agreed to be smuggled may arrive owing a "debt" that is then used to hold
them in forced work; from that point the situation is trafficking. And because movement is not required, U.S.
citizens are trafficked without ever leaving their own state.

## In practice

A 17-year-old comes to urgent care with a urinary tract infection. She mentions that her older boyfriend "sets
up dates" and that the men pay for the motel room where the two of them stay.

- **Act:** the boyfriend arranges the encounters (recruiting and providing her).
- **Purpose:** commercial sex; a paid motel room is something of value.
- **Means:** not required, because she is under 18.

Under federal law she is a trafficking victim. Your next steps follow your state's child-abuse reporting law,
covered in the module on reporting, documentation, and referral.
`;

const vulnerabilityAndMyths = `## Who is at higher risk

Traffickers look for need, isolation, and people whose complaints are unlikely to be believed. Recognized
vulnerability factors include:

- a history of childhood abuse or neglect;
- running away from home, or homelessness;
- foster care or other involvement with child welfare;
- LGBTQ identity, especially when the family has rejected the young person;
- substance use, which is also a tool of control: a trafficker who supplies drugs can use dependence and
  withdrawal as leverage;
- mental illness;
- disability;
- poverty;
- recent migration, including arrival in the country as an unaccompanied minor;
- little social support.

These factors often cluster, and many already appear in the social history you take every day.

### Using risk factors well

- A risk factor raises your attention. It is not a diagnosis.
- The absence of risk factors does not rule trafficking out; anyone can be trafficked.
- Use risk factors to decide when to make private time and offer resources, never to profile a patient or to
  question them more harshly.

## Myths that lead to missed cases

Many missed cases come from a mental picture of trafficking that does not match reality. Each myth below has a
practical consequence in the clinic.

### Myth: trafficking starts with a kidnapping

- **Reality:** most traffickers rely on psychological control (deception, manipulation, threats, and debt),
  not abduction.
- **In the clinic:** a patient can be unlocked, unchained, and even unaccompanied, and still not be free to
  leave.

### Myth: trafficking is mostly about sex

- **Reality:** labor trafficking is believed to be more common worldwide than sex trafficking.
- **In the clinic:** ask about working conditions, not only about sexual history.

### Myth: traffickers are strangers

- **Reality:** traffickers are often intimate partners or family members.
- **In the clinic:** the attentive "boyfriend" or the relative in the room may be the person in control.

### Myth: only women and girls are victims

- **Reality:** men, boys, and LGBTQ youth are trafficked too.
- **In the clinic:** bring the same attention to every patient.

### Myth: victims are foreigners without legal status

- **Reality:** victims include U.S. citizens and foreign nationals who are in the country lawfully.
- **In the clinic:** citizenship or a valid visa does not exclude trafficking.

### Myth: trafficking happens only in underground businesses

- **Reality:** it also happens inside legal industries, for example on farms, in restaurants, or in private
  homes that employ domestic workers.
- **In the clinic:** a real employer with a real business name does not settle the question.

### Myth: all commercial sex is trafficking, or none of it is

- **Reality:** for adults, commercial sex is trafficking only when force, fraud, or coercion is involved. For
  anyone under 18 it always is.
- **In the clinic:** do not label every adult who sells sex a victim, and do not dismiss one who may be.

### Myth: victims will ask for help

- **Reality:** victims often do not identify themselves as trafficked. They may not know the term, may feel
  loyal to or dependent on the trafficker, may believe they owe a debt, or may fear what happens if they
  speak.
- **In the clinic:** do not wait for a disclosure; offer information and resources to every patient you are
  concerned about.

### Myth: trafficking requires crossing a border

- **Reality:** movement is not an element of the crime, and trafficking is not the same as smuggling.
- **In the clinic:** a patient who has never left their home state can still be trafficked.

## In practice: check your own reasoning

Before you set a concern aside, ask whether you are discounting it because:

- the patient is male, a U.S. citizen, or has legal immigration status;
- the companion is a partner or a parent;
- the patient works for a legitimate business;
- the patient has a phone, or came in alone;
- the patient says nothing is wrong.

None of these, on its own, rules trafficking out.
`;

const warningSigns = `## Why healthcare is a point of contact

Trafficked people do see clinicians. In a 2014 survivor study by Lederer and Wetzel, about **88%** of
sex-trafficking survivors had contact with healthcare while they were being exploited, and the emergency
department was the setting they used most often. HHS's SOAR to Health and Wellness program likewise reports
that more than **67%** of adult survivors were seen by a healthcare provider.

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

Read behavior with care: fear or silence can also reflect culture, language, or past trauma (see the module on
cultural considerations).

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
`;

const protocols = `## Have a protocol before you need it

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
offer information and resources (see the trauma-informed care module). For structured screening with a
validated instrument, see the Vera Institute's TVIT in the resources module.

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
`;

const reporting = `> **This module explains general principles. It is not legal advice.**
>
> Reporting duties differ from state to state. Confirm yours through your facility's protocol and its legal or
> compliance team.

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

- In general, no federal law requires you to report trafficking of an adult. The usual approach is to report
  with the adult's consent, unless your state's law requires otherwise. State laws vary; check yours.
- **HIPAA does not stand in the way of appropriate reporting.** The Privacy Rule permits reports of abuse when
  its conditions are met, and it permits disclosures that the patient authorizes.
- A concern can be reported, or talked through, without information that identifies the patient: for example,
  by calling the National Human Trafficking Hotline and describing the situation in general terms.
- If a competent adult declines a report that no law requires, respect the decision. Offer resources in a way
  that is safe for them, document the conversation, and leave the door open for a later visit.
- If anyone is in immediate danger, call 911 and follow your facility's emergency procedures.

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
- Think about who may read discharge papers or a patient portal, and ask the patient what is safe to take
  home.

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

## Referral

- **National Human Trafficking Hotline:** call 1-888-373-7888 or text 233733, 24 hours a day (details in the
  resources module).
- **911** when anyone is in immediate danger.
- **Inside your facility:** social work, case management, and behavioral health, as your protocol directs.
- Offer a warm handoff: with the patient's agreement, call the hotline together from a private room.
- Ask how the patient can safely keep the number: memorized, written on something ordinary, or saved under
  another name.
`;

const traumaInformedCare = `## Why it matters

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
`;

const culturalConsiderations = `## Why culture matters here

Culture shapes how people describe illness, what they find shameful, whom they trust, and how they show fear.
Traffickers can exploit cultural and language barriers, for example by threatening a patient with deportation.
A culturally responsive clinician notices these influences without letting assumptions replace questions.

## Dimensions to keep in mind

- **Gender:** men and boys are trafficked but are often overlooked. A patient may ask for a clinician,
  examiner, or interpreter of the same sex; honor the request when you can.
- **Age:** anyone under 18 in commercial sex is a victim whatever the means, and reporting rules for minors
  differ from those for adults.
- **Race and ethnicity:** trafficking affects people of every background. Let observed signs, not appearance,
  set your level of concern.
- **Religion:** faith can shape beliefs about illness, modesty, and shame. Ask about it respectfully rather
  than avoiding the subject.
- **Language:** use a professional interpreter, check literacy, and use plain language and visual aids.
- **Sexual orientation and gender identity:** LGBTQ youth rejected by their families are at higher risk. Use
  the patient's own words for themselves, and ask without judgment.
- **Socioeconomic status:** poverty and debt are both vulnerabilities and tools of control. A patient may stay
  in an exploitative job because others depend on the income.

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
National Human Trafficking Hotline is not law enforcement or an immigration agency, and that callers can stay
anonymous.

## In practice

A woman with limited English comes in with a man who offers to interpret for her. You call a phone interpreter
instead. Through the interpreter, she asks to see a female doctor and says her headaches are caused by a
curse. A culturally responsive response:

- arrange a female clinician if you can, and keep the phone interpreter;
- ask what she thinks would help, and include her view in the plan alongside your own;
- give written information only if she can read it, and use pictures or plain spoken explanations if not;
- do not dismiss her belief, and do not hand interpreting over to the man who brought her in.
`;

const resources = `## National Human Trafficking Hotline

- **Call 1-888-373-7888.**
- **Text 233733** ("BeFree") with the word HELP or INFO.
- TTY users can dial 711; live chat is also available.
- Open 24 hours a day, 7 days a week, in English and Spanish, with interpreters for more than 200 other
  languages.
- Operated by Polaris. The hotline is **not** law enforcement or an immigration agency, and callers can stay
  anonymous.
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
- The long form covers 30 topics; a 16-question short form keeps its predictive ability.
- Validated for both sex and labor trafficking, and for both U.S.-born and foreign-born people.
- Free, in English and Spanish, and usable without permission.
- Use it when a structured screening is appropriate.

## In practice: build your unit's quick-reference card

Put these on one card at every workstation:

- the hotline's phone and text numbers;
- how to reach interpreter services, including by phone;
- social work and security contacts;
- your state's child-abuse reporting number;
- where your facility's trafficking protocol is kept;
- the PEARR steps and four or five screening questions you are comfortable asking.
`;

export const HT_101_V1: CourseContent = {
  code: 'HT-101',
  version: 1,
  title: 'Human Trafficking: what do healthcare providers need to know?',
  description:
    'Healthcare providers are among the few outsiders who meet people while they are being trafficked. ' +
    'This one-hour course for emergency department and clinic staff covers the federal definitions, ' +
    'vulnerability factors and common myths, warning signs, private and trauma-informed encounters, ' +
    'reporting and documentation, cultural considerations, and where to refer patients.',
  creditHours: 1.0,
  creditTypes: ['nursing_contact_hours', 'ama_pra_category_1', 'ipce'],
  requiresEvaluation: true,
  passingScore: 70,
  maxAttempts: 3,
  questionsPerAttempt: 10,
  objectives: [
    'Define the types of human trafficking.',
    'Explain the role of the healthcare provider in recognizing and responding to trafficking victims and ' +
      'survivors.',
    'Describe how to report cases or suspected cases of human trafficking.',
    'Outline the types of cultural diversity (gender, age, race, religion, ethnicity, language, sexual ' +
      'orientation, socioeconomic status, and others) that may relate to human trafficking.',
  ],
  modules: [
    {
      key: 'definitions',
      title: 'Definitions and types of human trafficking',
      estimatedMinutes: 7,
      body: definitions,
    },
    {
      key: 'vulnerability-and-myths',
      title: 'Vulnerability factors and common myths',
      estimatedMinutes: 6,
      body: vulnerabilityAndMyths,
    },
    {
      key: 'warning-signs',
      title: 'Recognizing warning signs in the clinical setting',
      estimatedMinutes: 6,
      body: warningSigns,
    },
    {
      key: 'protocols',
      title: 'Protocols: privacy, safety, screening questions, and interpreters',
      estimatedMinutes: 7,
      body: protocols,
    },
    {
      key: 'reporting',
      title: 'Reporting, documentation, and referral',
      estimatedMinutes: 8,
      body: reporting,
    },
    {
      key: 'trauma-informed-care',
      title: 'A trauma-informed approach',
      estimatedMinutes: 6,
      body: traumaInformedCare,
    },
    {
      key: 'cultural-considerations',
      title: 'Cultural considerations',
      estimatedMinutes: 5,
      body: culturalConsiderations,
    },
    {
      key: 'resources',
      title: 'Resources: hotline, training, and screening tools',
      estimatedMinutes: 4,
      body: resources,
    },
  ],
  questions: [
    // Objective 0: define the types of human trafficking.
    {
      key: 'q-minor-commercial-sex',
      objective: 0,
      prompt:
        'Under federal law, when is a 16-year-old who is induced to perform a commercial sex act a victim ' +
        'of sex trafficking?',
      choices: [
        { text: 'Only if force, fraud, or coercion can be shown' },
        { text: 'Only if the teen was taken across state or national lines' },
        { text: 'Always; force, fraud, or coercion need not be shown', correct: true },
        { text: 'Only if a third party, such as a pimp, profits from the exchange' },
      ],
      explanation:
        'For anyone under 18, a commercial sex act is sex trafficking under the TVPA; force, fraud, or ' +
        'coercion, movement, and a third-party controller are all unnecessary.',
    },
    {
      key: 'q-movement-not-required',
      objective: 0,
      prompt: 'Which of these is NOT needed to establish that an adult is being trafficked?',
      choices: [
        { text: 'Use of force, fraud, or coercion to compel the person' },
        { text: 'Movement of the person across a state or national border', correct: true },
        { text: 'Exploitation for labor, services, or a commercial sex act' },
        { text: 'An act such as recruiting, harboring, or obtaining the person' },
      ],
      explanation:
        'Trafficking is defined by an act, a means, and a purpose; movement is not an element. People are ' +
        'trafficked in their own hometowns.',
    },
    {
      key: 'q-deportation-threat',
      objective: 0,
      prompt:
        'An employer tells a farmworker that he will have her deported if she quits. Under the federal ' +
        'definition, this threat is best described as:',
      choices: [
        { text: 'fraud, because the terms of the job were misrepresented' },
        { text: 'smuggling, because her immigration status is involved' },
        { text: 'a workplace dispute outside the scope of trafficking law' },
        { text: 'coercion through threatened abuse of the legal process', correct: true },
      ],
      explanation:
        'The TVPA counts abuse, or threatened abuse, of the legal process as coercion. Threats of ' +
        'deportation or arrest are a common example.',
    },
    {
      key: 'q-debt-bondage',
      objective: 0,
      prompt:
        'A recruiter charges a worker for travel, housing, and meals. She works six days a week, but is ' +
        'told her debt keeps growing and she cannot leave until it is paid. This describes:',
      choices: [
        { text: 'debt bondage', correct: true },
        { text: 'human smuggling' },
        { text: 'an ordinary civil debt' },
        { text: 'sex trafficking' },
      ],
      explanation:
        "In debt bondage, a person's work is pledged against a debt that the work never fairly pays down, " +
        'so the debt becomes the means of holding them.',
    },
    {
      key: 'q-commercial-sex-act',
      objective: 0,
      prompt: 'Under federal law, what makes a sex act "commercial"?',
      choices: [
        { text: 'Cash changes hands between the buyer and the person' },
        { text: 'Anything of value is given or received by anyone for it', correct: true },
        { text: 'A third party, such as a pimp, arranges and profits from it' },
        { text: 'The encounter was advertised online or in print' },
      ],
      explanation:
        'Any sex act for which anything of value is given or received counts. Food, shelter, drugs, or a ' +
        'ride can be the thing of value.',
    },
    {
      key: 'q-myth-kidnapping',
      objective: 0,
      prompt: 'Which statement about human trafficking is a myth?',
      choices: [
        { text: "Traffickers are sometimes the victim's partner or relative" },
        { text: 'Men and boys can be trafficking victims' },
        { text: 'Most trafficking begins with a stranger abducting the victim', correct: true },
        { text: 'Trafficking occurs within legal industries, such as farms and restaurants' },
      ],
      explanation:
        'Most traffickers control victims through deception, threats, manipulation, and debt rather than ' +
        'kidnapping. The other three statements are true.',
    },
    {
      key: 'q-trafficking-vs-smuggling',
      objective: 0,
      prompt: 'Which statement correctly distinguishes trafficking from smuggling?',
      choices: [
        { text: 'Trafficking centers on exploitation and needs no border crossing', correct: true },
        { text: 'Trafficking victims are always foreign nationals who entered illegally' },
        { text: 'Smuggling always involves force, while trafficking is voluntary' },
        { text: 'They are two names for the same crime' },
      ],
      explanation:
        'Smuggling is moving a person across a border illegally. Trafficking is exploitation through ' +
        'labor, services, or commercial sex, and it happens to citizens who never travel.',
    },
    {
      key: 'q-adult-commercial-sex',
      objective: 0,
      prompt:
        'An adult patient says she trades sex for money. When does this meet the federal definition of sex ' +
        'trafficking?',
      choices: [
        { text: 'Always, because all commercial sex involving adults is trafficking' },
        { text: 'Never, because adults cannot be trafficking victims' },
        { text: 'Only if she was brought into the country from abroad' },
        { text: 'When the commercial sex is induced by force, fraud, or coercion', correct: true },
      ],
      explanation:
        'For adults, commercial sex is trafficking only when force, fraud, or coercion induces it. For ' +
        'minors, those means do not need to be shown.',
    },

    // Objective 1: the provider's role in recognizing and responding to victims and survivors.
    {
      key: 'q-healthcare-contact',
      objective: 1,
      prompt:
        'In the 2014 survivor study by Lederer and Wetzel, about what share of sex-trafficking survivors ' +
        'had contact with healthcare while they were being exploited?',
      choices: [
        { text: 'About 12%' },
        { text: 'About 35%' },
        { text: 'About 50%' },
        { text: 'About 88%', correct: true },
      ],
      explanation:
        'About 88% had healthcare contact, most often in the emergency department. Every clinical ' +
        'encounter is a chance to help.',
    },
    {
      key: 'q-companion-refuses',
      objective: 1,
      prompt:
        'A companion refuses to leave the exam room, and you suspect the patient is being abused. What is ' +
        'the best action?',
      choices: [
        { text: 'Firmly insist that the companion leave the room before you continue care' },
        { text: 'Keep caring for the patient and discreetly alert a supervisor or security', correct: true },
        { text: 'Tell the patient, with the companion present, that you suspect trafficking' },
        { text: 'Discharge the patient quickly so as to avoid any confrontation' },
      ],
      explanation:
        'Forcing a separation can endanger the patient and staff. Keep providing care, get support, and ' +
        'watch for a natural chance later to be alone with the patient.',
    },
    {
      key: 'q-separating-companion',
      objective: 1,
      prompt: 'Which is a low-conflict way to see a patient without their companion?',
      choices: [
        { text: 'Ask the companion to complete registration forms in the lobby', correct: true },
        { text: 'Tell the companion directly that you suspect they are harming the patient' },
        { text: 'Have security remove the companion as soon as they arrive' },
        { text: 'Wait until the patient asks to be seen alone' },
      ],
      explanation:
        'Routine reasons such as paperwork, policy, radiology, or a urine sample create privacy without ' +
        'signalling suspicion.',
    },
    {
      key: 'q-safety-question-first',
      objective: 1,
      prompt: 'You are finally alone with a patient you are concerned about. What should you ask first?',
      choices: [
        { text: 'Whether they are a victim of human trafficking' },
        { text: 'Whether they would like you to call the police for them' },
        { text: 'Whether it is safe for them to talk with you right now', correct: true },
        { text: 'The name and address of the person they work for' },
      ],
      explanation:
        'Start with safety. Patients rarely call themselves "trafficked", and pressing for names or police ' +
        'involvement first can increase risk and end the conversation.',
    },
    {
      key: 'q-limits-confidentiality',
      objective: 1,
      prompt: "Before asking sensitive questions about a patient's situation, the clinician should:",
      choices: [
        { text: 'explain the limits of confidentiality, including any duty to report', correct: true },
        { text: 'promise that nothing the patient says will ever leave the room' },
        { text: 'call the hotline first so that the concern is on record before you ask' },
        { text: 'ask to see photo identification to confirm who the patient is' },
      ],
      explanation:
        'Being clear about what you must report, before the patient discloses anything, is honest and lets ' +
        'the patient decide what to share. A promise of total secrecy may be one you cannot keep.',
    },
    {
      key: 'q-soar-ask',
      objective: 1,
      prompt:
        'In the SOAR framework from HHS (Stop, Observe, Ask, Respond), what does the "Ask" step involve?',
      choices: [
        { text: 'Asking a police officer to interview the patient privately' },
        { text: 'Asking the companion to confirm the history the patient gave' },
        { text: 'Asking for identification before starting treatment' },
        { text: 'Screening with a trauma-informed, person-centered approach', correct: true },
      ],
      explanation:
        "SOAR's Ask step means screening the patient in a trauma-informed, person-centered way. Respond " +
        'then coordinates care across disciplines.',
    },
    {
      key: 'q-pearr-first-step',
      objective: 1,
      prompt: 'What is the first step of the PEARR tool?',
      choices: [
        { text: 'Photograph injuries' },
        { text: 'Phone law enforcement' },
        { text: 'Provide privacy', correct: true },
        { text: 'Perform a forensic exam' },
      ],
      explanation:
        'PEARR stands for Provide privacy, Educate, Ask, Respect and Respond. Nothing else can happen ' +
        'safely until the patient is alone with you.',
    },
    {
      key: 'q-universal-education',
      objective: 1,
      prompt: 'PEARR is based on "universal education". What does that mean in practice?',
      choices: [
        { text: 'Screening only the patients who fit a high-risk profile' },
        { text: 'Giving all patients information on abuse and where to get help', correct: true },
        { text: 'Training every staff member about trafficking once a year' },
        { text: 'Requiring every patient to fill out a trafficking questionnaire' },
      ],
      explanation:
        'Universal education shares information and resources with every patient instead of screening to ' +
        'extract a disclosure, so a patient who is not ready to talk still learns where help is.',
    },
    {
      key: 'q-samhsa-principle',
      objective: 1,
      prompt: "Which of these is one of SAMHSA's six principles of a trauma-informed approach?",
      choices: [
        { text: 'Efficiency and throughput' },
        { text: 'Compliance with staff instructions' },
        { text: 'Confrontation of inconsistencies' },
        { text: 'Empowerment, voice, and choice', correct: true },
      ],
      explanation:
        'The six principles are safety; trustworthiness and transparency; peer support; collaboration and ' +
        'mutuality; empowerment, voice, and choice; and cultural, historical, and gender issues.',
    },
    {
      key: 'q-resist-retraumatization',
      objective: 1,
      prompt:
        "Which of SAMHSA's four R's means actively avoiding practices, such as making a patient retell " +
        'their story to each new staff member, that repeat the harm?',
      choices: [
        { text: 'Resist re-traumatization', correct: true },
        { text: 'Realize the impact of trauma' },
        { text: 'Recognize the signs of trauma' },
        { text: 'Respond through policy and practice' },
      ],
      explanation:
        'Resisting re-traumatization means avoiding practices, such as repeated questioning, that ' +
        'reproduce the loss of control the patient has already suffered.',
    },
    {
      key: 'q-substance-use',
      objective: 1,
      prompt: 'Which statement about substance use and trafficking is accurate?',
      choices: [
        { text: 'It rules out trafficking, because the patient is choosing to use' },
        { text: 'It matters in sex trafficking but plays no role in labor trafficking' },
        { text: 'It raises vulnerability and can also be a tool of control', correct: true },
        { text: "It has no connection with a person's risk of being trafficked" },
      ],
      explanation:
        'Substance use is a recognized vulnerability factor, and traffickers may supply drugs so that ' +
        'dependence and withdrawal keep the victim under control.',
    },
    {
      key: 'q-vera-tvit',
      objective: 1,
      prompt:
        'Which was the first statistically validated trafficking screening tool in the United States, and ' +
        'has a 16-question short form?',
      choices: [
        { text: 'The PEARR tool' },
        { text: "The Vera Institute's TVIT", correct: true },
        { text: 'The HEAL Trafficking Protocol Toolkit' },
        { text: 'SOAR Online' },
      ],
      explanation:
        "The Vera Institute's Trafficking Victim Identification Tool (2014) is validated for sex and labor " +
        'trafficking and for U.S.-born and foreign-born people; its short form keeps its predictive ' +
        'ability.',
    },
    {
      key: 'q-heal-toolkit',
      objective: 1,
      prompt: 'What is the HEAL Trafficking Protocol Toolkit mainly designed to do?',
      choices: [
        { text: 'Let patients screen themselves on a tablet in the waiting room' },
        { text: 'Assign ICD-10-CM codes to trafficking encounters' },
        { text: 'Guide law-enforcement interviews of victims' },
        { text: 'Help a facility build its own trafficking response protocol', correct: true },
      ],
      explanation:
        'The free 2017 toolkit helps emergency departments, hospitals, clinics, private offices, and ' +
        'school-based health centers write a response protocol.',
    },
    {
      key: 'q-warning-signs-cluster',
      objective: 1,
      prompt:
        'A man brings in a 24-year-old with a three-day-old hand wound. He answers every question, holds ' +
        "the patient's passport, and wants to leave quickly. What do these findings represent?",
      choices: [
        { text: 'Proof of trafficking, so you should confront the companion' },
        { text: 'Normal behavior for an employer, so no follow-up is needed' },
        { text: 'Something relevant only if the patient were a woman' },
        { text: 'Warning signs that call for private time and screening', correct: true },
      ],
      explanation:
        'A controlling companion, documents held by someone else, and delayed care are warning signs. No ' +
        'sign proves trafficking, so the next step is a safe private conversation, not confrontation.',
    },

    // Objective 2: how to report cases or suspected cases.
    {
      key: 'q-hotline-number',
      objective: 2,
      prompt: 'How can a patient or clinician reach the National Human Trafficking Hotline?',
      choices: [
        { text: 'Call 1-888-373-7888 or text 233733', correct: true },
        { text: 'Call 988 or text 741741' },
        { text: 'Call 911, which takes all trafficking reports' },
        { text: 'Only through a referral from law enforcement' },
      ],
      explanation:
        'The hotline answers 24/7 at 1-888-373-7888 and by text at 233733. Use 911 when someone is in ' +
        'immediate danger.',
    },
    {
      key: 'q-minor-consent',
      objective: 2,
      prompt:
        'A 15-year-old shows signs of sex trafficking and asks you not to tell anyone. What is the ' +
        'appropriate step?',
      choices: [
        { text: 'Make no report unless and until she agrees that you may make one' },
        { text: 'Report under state child-abuse law and explain the next steps', correct: true },
        { text: 'Wait for a parent or guardian to arrive and let them decide' },
        { text: 'Take no action until you have clear proof that she is being trafficked' },
      ],
      explanation:
        'Suspected trafficking of a minor is reported to child protective services or law enforcement ' +
        "under state child-abuse law. The report does not depend on the minor's agreement or on proof.",
    },
    {
      key: 'q-minor-history',
      objective: 2,
      prompt:
        'When a minor may be a trafficking victim, how much history of the exploitation should you take?',
      choices: [
        { text: 'A complete, detailed account, so that the report is thorough' },
        { text: 'Enough that the companion can fill in any gaps later' },
        { text: 'None at all, not even what you need for care' },
        { text: 'Only the minimal facts needed for care and the report', correct: true },
      ],
      explanation:
        'Trained forensic interviewers take the detailed account; repeated questioning can retraumatize ' +
        'the child.',
    },
    {
      key: 'q-adult-declines',
      objective: 2,
      prompt:
        'A competent adult discloses labor trafficking but declines any report, and no law in your state ' +
        'requires one. What is the best practice?',
      choices: [
        { text: 'Report to the police anyway, sending the full chart' },
        { text: 'Contact immigration authorities about the employer' },
        { text: 'Respect her decision, offer resources safely, and document', correct: true },
        { text: 'Tell her you cannot continue treating her unless she agrees to a report' },
      ],
      explanation:
        "Without a legal mandate, reports about adults are generally made with the patient's consent. " +
        'Respecting her choice keeps the door open; reporting rules vary by state, so check yours.',
    },
    {
      key: 'q-hipaa',
      objective: 2,
      prompt: 'Which statement about HIPAA and trafficking reports is accurate?',
      choices: [
        { text: 'It allows reports that meet its conditions or that the patient authorizes', correct: true },
        { text: 'It forbids any report about an adult patient unless a court orders it' },
        { text: 'It requires that every suspected adult case be reported to the local police' },
        { text: 'It does not apply to care given in emergency departments' },
      ],
      explanation:
        'HIPAA does not bar appropriate reporting: the Privacy Rule permits abuse reports that meet its ' +
        'conditions and disclosures the patient authorizes. Whether a report is required for an adult ' +
        'depends on state law.',
    },
    {
      key: 'q-consult-without-identifiers',
      objective: 2,
      prompt:
        'A clinician wants advice about an adult patient who has not agreed to a report. Which option ' +
        "respects the patient's privacy?",
      choices: [
        { text: 'Send the full chart to the hotline so that they can review it' },
        { text: "Ask the patient's companion to call the hotline on her behalf" },
        { text: 'Post the case details in a staff group chat and ask for advice' },
        { text: 'Call the hotline without giving details that identify her', correct: true },
      ],
      explanation:
        "A concern can be discussed or reported without identifying information, which respects an adult's " +
        'decision while still getting expert guidance.',
    },
    {
      key: 'q-code-ruled-out',
      objective: 2,
      prompt:
        'An adult is examined for suspected forced sexual exploitation, and the exam rules it out. Which ' +
        'code do coding guidelines call for?',
      choices: [
        { text: 'T76.51' },
        { text: 'T74.51' },
        { text: 'Z04.81', correct: true },
        { text: 'Z91.42' },
      ],
      explanation:
        'Z04.81 (exam and observation following alleged forced sexual exploitation) is used when suspicion ' +
        'is ruled out. T76 codes are for suspected cases and T74 codes for confirmed ones.',
    },
    {
      key: 'q-code-suspected-child',
      objective: 2,
      prompt:
        'At an initial visit, you suspect, but have not confirmed, forced sexual exploitation of a ' +
        '14-year-old. Which code fits, before the 7th character is added?',
      choices: [
        { text: 'T74.52' },
        { text: 'T76.52', correct: true },
        { text: 'T76.51' },
        { text: 'Z62.813' },
      ],
      explanation:
        'T76.52 is suspected forced sexual exploitation of a child. T74.52 is for confirmed cases, T76.51 ' +
        'is the adult code, and Z62.813 records a history of exploitation in childhood.',
    },
    {
      key: 'q-immediate-danger',
      objective: 2,
      prompt:
        'A patient tells you that her trafficker is in the waiting room and has threatened to kill her. ' +
        'What should you do first?',
      choices: [
        { text: 'Text the hotline and wait for their advice before acting' },
        { text: 'Discharge her quickly with a hotline card hidden in her paperwork' },
        { text: 'Ask the trafficker to come in and talk things through' },
        { text: "Call 911 and activate your facility's security response", correct: true },
      ],
      explanation:
        'The hotline is for consultation and referral. When someone is in immediate danger, call 911 and ' +
        "follow your facility's emergency procedures.",
    },
    {
      key: 'q-hotline-not-police',
      objective: 2,
      prompt: 'A patient worries that calling the hotline will lead to her deportation. What is accurate?',
      choices: [
        { text: 'It is operated by immigration authorities, so she should avoid calling' },
        { text: 'It is not a police or immigration agency, and she can stay anonymous', correct: true },
        { text: 'Callers must give their full name and immigration status' },
        { text: 'The hotline passes every call on to local police' },
      ],
      explanation:
        'The hotline is operated by Polaris, not by law enforcement or an immigration agency, and callers ' +
        'may remain anonymous.',
    },
    {
      key: 'q-documentation',
      objective: 2,
      prompt: 'Which chart entry best follows documentation guidance for a possible trafficking case?',
      choices: [
        { text: 'Patient is a prostitute, probably trafficked by her boyfriend.' },
        { text: 'Patient uncooperative and evasive; her story is not credible.' },
        {
          text: 'Companion answered for her. Patient says: "I can\'t leave until I pay him."',
          correct: true,
        },
        { text: 'Suspected trafficking; details left out of the chart to protect her privacy.' },
      ],
      explanation:
        "Record objective observations and the patient's own words. Avoid labels and conclusions you " +
        'cannot support.',
    },

    // Objective 3: cultural diversity.
    {
      key: 'q-interpreter-choice',
      objective: 3,
      prompt: 'Who is the most appropriate interpreter for a patient who may be trafficked?',
      choices: [
        { text: 'The "cousin" who came in with the patient and speaks both languages' },
        { text: 'A bilingual patient who offers to help from the waiting room' },
        { text: 'A trained professional interpreter with no ties to the patient', correct: true },
        { text: "The patient's school-age child" },
      ],
      explanation:
        'Use a trained, neutral interpreter, in person or by phone. Relatives, companions, other patients, ' +
        'and community members may be linked to the trafficker or may silence the patient.',
    },
    {
      key: 'q-same-gender-request',
      objective: 3,
      prompt:
        'A patient asks for a female examiner before a pelvic exam. What is the most appropriate response?',
      choices: [
        { text: 'Honor the request when you can, and explain any delay', correct: true },
        { text: 'Decline, explaining that any qualified examiner is acceptable' },
        { text: "Ask the patient's companion whether it really matters" },
        { text: 'Cancel the exam and discharge the patient' },
      ],
      explanation:
        'Respecting a request for a same-sex provider or examiner is a core culturally responsive and ' +
        'trauma-informed practice.',
    },
    {
      key: 'q-community-interpreter',
      objective: 3,
      prompt: 'Why might a patient prefer not to have an interpreter from her own ethnic community?',
      choices: [
        { text: 'Community interpreters are generally less accurate' },
        { text: 'She may fear gossip or a link to the trafficker', correct: true },
        { text: 'Professional rules forbid interpreters from the same community' },
        { text: 'Patients generally prefer to speak English in clinical settings' },
      ],
      explanation:
        'Some victims distrust interpreters from their own community, fearing gossip or ties to the ' +
        'trafficker. A phone interpreter from outside the community may feel safer.',
    },
    {
      key: 'q-explanatory-model',
      objective: 3,
      prompt:
        'A patient says her headaches are caused by a curse. What is the most culturally responsive next ' +
        'step?',
      choices: [
        { text: 'Correct the belief firmly so that she accepts the medical explanation' },
        { text: 'Record it in the chart as a sign of psychiatric illness' },
        { text: 'Set it aside and focus only on the physical examination' },
        { text: 'Ask what she thinks would help and build it into the plan', correct: true },
      ],
      explanation:
        "Asking for the patient's explanatory model builds trust and helps you make a plan she can accept " +
        'and follow.',
    },
    {
      key: 'q-low-literacy',
      objective: 3,
      prompt: 'A patient cannot read well. How should you share safety information?',
      choices: [
        { text: 'Give her a detailed printed brochure to read at home' },
        { text: 'Use plain language and visual aids, and check understanding', correct: true },
        { text: 'Hand the materials to her companion so he can explain them later' },
        { text: 'Skip it, since she will not be able to use it' },
      ],
      explanation:
        'Assessing literacy and using visual aids and plain speech makes sure the information reaches the ' +
        'patient, not the person who may control her.',
    },
    {
      key: 'q-lgbtq-youth',
      objective: 3,
      prompt: 'Which statement about LGBTQ youth and trafficking is accurate?',
      choices: [
        { text: 'Family rejection and homelessness can make them more vulnerable', correct: true },
        { text: 'LGBTQ youth are rarely targeted by traffickers' },
        { text: 'Sexual orientation is never relevant to a trafficking assessment' },
        { text: 'Only LGBTQ young women are at increased risk' },
      ],
      explanation:
        'LGBTQ identity, especially with family rejection, is a recognized vulnerability factor. Ask about ' +
        "it without judgment, using the patient's own words.",
    },
    {
      key: 'q-avoid-assumptions',
      objective: 3,
      prompt:
        'A patient stays silent and avoids eye contact during the visit. What is the best way to interpret ' +
        'this?',
      choices: [
        { text: 'She agrees with the plan and has no questions' },
        { text: 'She is probably being dishonest about her history' },
        { text: 'It may reflect fear, trauma, culture, or language', correct: true },
        { text: 'It is a cultural trait and needs no further attention' },
      ],
      explanation:
        "Avoid quick assumptions about a patient's reactions. Check understanding, and ask open questions.",
    },
    {
      key: 'q-religion-modesty',
      objective: 3,
      prompt:
        'A patient hesitates about an exam for reasons of religious modesty. What is the most appropriate ' +
        'response?',
      choices: [
        { text: 'Avoid the topic of religion entirely and proceed with the exam' },
        { text: 'Explain that religious concerns cannot be accommodated here' },
        { text: 'Ask what would make the exam acceptable to her', correct: true },
        { text: 'Document a refusal of care and move on' },
      ],
      explanation:
        'Asking respectfully about religious and cultural meaning, rather than avoiding it, lets you adapt ' +
        'care, for example with a chaperone or a female examiner, so the patient can accept it.',
    },
  ],
};
