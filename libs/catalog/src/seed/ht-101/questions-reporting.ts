import type { QuestionContent } from '../course-content';

/** Objective 3 (index 2): how to report cases or suspected cases. */
export const reportingQuestions: QuestionContent[] = [
  {
    key: 'q-hotline-number',
    objective: 2,
    prompt: 'How can a patient or clinician reach the National Human Trafficking Hotline?',
    choices: [
      { text: 'Call 988 or text 741741' },
      { text: 'Call 1-800-799-7233' },
      { text: 'Call 1-888-373-7888 or text 233733', correct: true },
      { text: 'Call 211 or text your ZIP code to 898211' },
    ],
    explanation:
      'The hotline answers 24/7 at 1-888-373-7888 and by text at 233733; it is not law enforcement, but it informs ' +
      'the authorities when it suspects child abuse or imminent harm. The other numbers belong to the suicide and ' +
      'crisis line, the domestic violence hotline, and 211 community services.',
  },
  {
    key: 'q-minor-consent',
    objective: 2,
    prompt:
      'A 15-year-old shows signs of sex trafficking and asks you not to tell anyone. What is the appropriate ' +
      'step?',
    choices: [
      { text: 'Hold off on any report until the teen agrees to one' },
      { text: 'Report under state child-abuse law and explain what happens next', correct: true },
      { text: 'Wait for a parent or guardian to arrive and let them decide' },
      { text: 'Gather clear proof of trafficking before taking any step' },
    ],
    explanation:
      'Suspected trafficking of a minor is reported to child protective services or law enforcement under state ' +
      "child-abuse law. The report does not depend on the minor's agreement or on proof.",
  },
  {
    key: 'q-minor-history',
    objective: 2,
    prompt: 'When a minor may be a trafficking victim, how much history of the exploitation should you take?',
    choices: [
      { text: 'A complete, detailed account, so that the report is thorough' },
      { text: 'Enough detail to decide for yourself whether a crime occurred' },
      { text: 'A written timeline that the teen completes on a form' },
      { text: 'The minimal facts needed for care and for the report', correct: true },
    ],
    explanation:
      'Trained forensic interviewers take the detailed account; repeated questioning can retraumatize the child.',
  },
  {
    key: 'q-adult-declines',
    objective: 2,
    prompt:
      'A competent adult discloses labor trafficking but declines any report, and no law in your state requires ' +
      'one. What is the best practice?',
    choices: [
      { text: 'Report to the police anyway, sending the full chart' },
      { text: 'Contact immigration authorities about the employer' },
      { text: 'Respect the decision, offer resources safely, and document', correct: true },
      { text: 'Explain that care will continue once the patient agrees to a report' },
    ],
    explanation:
      "Where no law requires a report, reports about adults are made with the patient's agreement. Respecting " +
      'the choice keeps the door open; check which laws apply in your state.',
  },
  {
    key: 'q-hipaa-conditions',
    objective: 2,
    prompt:
      'Under HIPAA (45 CFR 164.512(c)), when may you report suspected abuse of an adult patient to an agency ' +
      'authorized to receive such reports?',
    choices: [
      { text: 'Whenever you suspect abuse and record your reasons in the chart' },
      { text: 'When a court order or a written police request is in hand' },
      { text: "When the patient's employer or companion consents for the patient" },
      {
        text: 'When a law requires it, the patient agrees, or a statute authorizes it to prevent serious harm',
        correct: true,
      },
    ],
    explanation:
      'The Privacy Rule permits such a report when it is required by law, when the patient agrees, or when a ' +
      'statute or regulation authorizes it and you judge it necessary to prevent serious harm.',
  },
  {
    key: 'q-imminent-threat',
    objective: 2,
    prompt:
      'An adult patient tells you the man who controls his work plans to hurt a coworker tonight. Which HIPAA ' +
      'provision lets you disclose what is needed to someone able to prevent it?',
    choices: [
      { text: 'The provision for disclosures to avert a serious and imminent threat', correct: true },
      { text: 'The provision for treatment, payment, and health care operations' },
      { text: 'The provision for public health surveillance' },
      { text: 'The provision for research with a waiver of authorization' },
    ],
    explanation:
      '45 CFR 164.512(j) permits a good-faith disclosure to prevent or lessen a serious and imminent threat to a ' +
      'person or the public, made to someone reasonably able to prevent or lessen it.',
  },
  {
    key: 'q-adult-injury-law',
    objective: 2,
    prompt:
      'In California, you treat an adult whose injuries came from a beating by the person who controls her work. ' +
      'Which law may require a report even though she is an adult?',
    choices: [
      { text: 'A federal law that requires clinicians to report adult trafficking' },
      { text: 'A state law on injuries from assaultive or abusive conduct', correct: true },
      { text: 'A HIPAA rule that requires reports of violent injuries' },
      { text: 'A section of the TVPA on reports by health professionals' },
    ],
    explanation:
      'There is no federal duty to report adult trafficking as such, but state laws can apply: California Penal ' +
      'Code § 11160 requires reports of injuries from assaultive or abusive conduct. Know your state.',
  },
  {
    key: 'q-elder-abuse',
    objective: 2,
    prompt:
      'A 72-year-old man brought in by a relative appears to work unpaid as a live-in laborer and is malnourished ' +
      'and fearful. Besides trafficking resources, which reporting law is most likely to apply?',
    choices: [
      { text: 'A workplace-safety complaint to OSHA' },
      { text: "The state's child-abuse law, since he depends on a relative" },
      { text: "The state's elder-abuse law, usually through adult protective services", correct: true },
      { text: 'A federal law on reporting adult trafficking' },
    ],
    explanation:
      'Elder and dependent-adult abuse laws require many clinicians to report suspected abuse, neglect, or ' +
      'exploitation of older or dependent adults, usually to adult protective services.',
  },
  {
    key: 'q-consult-without-identifiers',
    objective: 2,
    prompt:
      'A clinician wants advice about an adult patient who has not agreed to a report. Which option respects the ' +
      "patient's privacy?",
    choices: [
      { text: 'Send the chart to the hotline so that it can review the case' },
      { text: "Ask the patient's companion to call the hotline for the patient" },
      { text: 'Call the hotline without giving details that identify the patient', correct: true },
      { text: 'Discuss the case by name in a staff group chat' },
    ],
    explanation:
      "A concern can be discussed without identifying information, which respects an adult's decision while " +
      'still getting expert guidance. If identifying details are shared, the hotline informs the authorities when it ' +
      'suspects child abuse or imminent harm.',
  },
  {
    key: 'q-code-ruled-out',
    objective: 2,
    prompt:
      'An adult is examined for suspected forced sexual exploitation, and the exam rules it out. Which code do ' +
      'coding guidelines call for?',
    choices: [{ text: 'T76.51' }, { text: 'T74.51' }, { text: 'Z04.81', correct: true }, { text: 'Z91.42' }],
    explanation:
      'Z04.81 (exam and observation following alleged forced sexual exploitation) is used when suspicion is ruled ' +
      'out. T76 codes are for suspected cases and T74 codes for confirmed ones.',
  },
  {
    key: 'q-code-suspected-child',
    objective: 2,
    prompt:
      'At an initial visit, you suspect, but have not confirmed, forced sexual exploitation of a 14-year-old. ' +
      'Which code fits, before the 7th character is added?',
    choices: [{ text: 'T74.52' }, { text: 'T76.51' }, { text: 'Z62.813' }, { text: 'T76.52', correct: true }],
    explanation:
      'T76.52 is suspected forced sexual exploitation of a child. T74.52 is for confirmed cases, T76.51 is the ' +
      'adult code, and Z62.813 records a history of exploitation in childhood.',
  },
  {
    key: 'q-immediate-danger',
    objective: 2,
    prompt:
      'A patient tells you the person who controls her work is in the waiting room and has threatened to kill ' +
      'her. What should you do first?',
    choices: [
      { text: "Call 911 and activate your facility's security response", correct: true },
      { text: 'Text the hotline and wait for their advice before acting' },
      { text: 'Discharge her with a hotline card hidden in her paperwork' },
      { text: 'Ask a colleague to keep the man talking while you finish the exam' },
    ],
    explanation:
      'The hotline is for consultation and referral (it informs the authorities itself when it suspects child ' +
      "abuse or imminent harm). When someone is in immediate danger now, call 911 and follow your facility's " +
      'emergency procedures.',
  },
  {
    key: 'q-hotline-policy',
    objective: 2,
    prompt: 'A patient asks whether the hotline will pass on what she tells it. What is accurate?',
    choices: [
      { text: 'It forwards each call to local police as a matter of routine' },
      { text: 'It is run by immigration authorities and asks callers for their status' },
      {
        text: 'She may stay anonymous, but it informs authorities if it suspects child abuse or imminent harm',
        correct: true,
      },
      { text: 'It keeps what callers say confidential even when a child is at risk' },
    ],
    explanation:
      'The hotline is operated by Polaris, not by law enforcement or immigration, and callers may stay anonymous. ' +
      'It does inform the authorities when it suspects child abuse or imminent harm, so tell patients before they call.',
  },
  {
    key: 'q-documentation',
    objective: 2,
    prompt: 'Which chart entry best follows documentation guidance for a possible trafficking case?',
    choices: [
      { text: 'Patient is a prostitute, probably trafficked by a boyfriend.' },
      { text: 'Patient uncooperative and evasive; the story is not credible.' },
      {
        text: 'Companion answered for the patient. Patient says: "I can\'t leave until I pay him."',
        correct: true,
      },
      { text: 'Suspected trafficking; details left out of the chart for privacy.' },
    ],
    explanation:
      "Record objective observations and the patient's own words. Avoid labels and conclusions you cannot " +
      'support, and do not leave out clinical facts.',
  },
  {
    key: 'q-portal-codes',
    objective: 2,
    prompt:
      'You add a T76 code and notes for an adult patient whose trafficker holds her phone and passwords. What risk ' +
      'should you address before she leaves?',
    choices: [
      { text: 'The code may expire before her next visit' },
      {
        text: 'The code and notes may appear in a portal or on papers the trafficker can see',
        correct: true,
      },
      { text: 'The code sends an automatic notice to law enforcement' },
      { text: 'The code keeps her insurer from paying for the visit' },
    ],
    explanation:
      'Codes, notes, and visit summaries can reach a patient portal, discharge papers, or insurance statements. Ask ' +
      "what is safe and use your facility's process to restrict or delay release where the law allows.",
  },
];
