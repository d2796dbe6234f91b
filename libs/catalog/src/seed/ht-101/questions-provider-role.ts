import type { QuestionContent } from '../course-content';

/** Objective 2 (index 1): the provider's role in recognizing and responding to victims and survivors. */
export const providerRoleQuestions: QuestionContent[] = [
  {
    key: 'q-healthcare-contact-evidence',
    objective: 1,
    prompt:
      'A colleague cites the finding that about 88% of sex-trafficking survivors had healthcare contact while ' +
      'exploited (Lederer and Wetzel, 2014). What is the most accurate way to use this figure?',
    choices: [
      { text: 'As the share of emergency department patients nationally who are trafficked' },
      { text: 'As a national rate that applies equally to labor trafficking' },
      {
        text: 'As evidence that contact is common, from one convenience sample of about 106 survivors',
        correct: true,
      },
      { text: 'As proof that screening every patient will find most victims' },
    ],
    explanation:
      'The figure comes from one convenience sample of about 106 sex-trafficking survivors. It shows that ' +
      'healthcare contact is common, not how many of your patients are trafficked or what happens in labor ' +
      'trafficking.',
  },
  {
    key: 'q-companion-refuses',
    objective: 1,
    prompt:
      'A companion refuses to leave the exam room, and you suspect the patient is being abused. What is the best ' +
      'action?',
    choices: [
      { text: 'Insist firmly that the companion leave before you continue care' },
      { text: 'Keep caring for the patient and discreetly alert a supervisor or security', correct: true },
      { text: 'Tell the patient, with the companion present, that you suspect trafficking' },
      { text: 'Discharge the patient promptly so as to avoid a confrontation' },
    ],
    explanation:
      'Forcing a separation can endanger the patient and staff. Keep providing care, get support, and watch for a ' +
      'natural chance later to be alone with the patient.',
  },
  {
    key: 'q-separating-companion',
    objective: 1,
    prompt: 'Which is a low-conflict way to see a patient without their companion?',
    choices: [
      { text: 'Tell the companion you are worried they may be harming the patient' },
      { text: 'Ask security to escort the companion out when they arrive' },
      { text: 'Ask the companion to complete registration forms in the lobby', correct: true },
      { text: 'Wait for the patient to ask to be seen alone' },
    ],
    explanation:
      'Routine reasons such as paperwork, policy, radiology, or a urine sample create privacy without signalling ' +
      'suspicion. Patients under control rarely ask to be seen alone.',
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
      { text: 'assure the patient that what they say will stay between the two of you' },
      { text: 'explain the limits of confidentiality, including any duty to report', correct: true },
      { text: 'call the hotline first so that the concern is on record' },
      { text: 'ask to see photo identification to confirm who the patient is' },
    ],
    explanation:
      'Being clear about what you must report, before the patient discloses anything, is honest and lets the ' +
      'patient decide what to share. A promise of secrecy may be one you cannot keep.',
  },
  {
    key: 'q-soar-ask',
    objective: 1,
    prompt: 'In the SOAR framework from HHS (Stop, Observe, Ask, Respond), what does the "Ask" step involve?',
    choices: [
      { text: 'Asking a police officer to interview the patient privately' },
      { text: 'Asking the companion to confirm the history the patient gave' },
      { text: 'Asking for identification before starting treatment' },
      { text: 'Screening with a trauma-informed, person-centered approach', correct: true },
    ],
    explanation:
      "SOAR's Ask step means screening the patient in a trauma-informed, person-centered way. Respond then " +
      'coordinates care across disciplines.',
  },
  {
    key: 'q-pearr-first-step',
    objective: 1,
    prompt:
      'You plan to use the PEARR tool with a patient who arrived with a controlling partner. Which step comes ' +
      'first?',
    choices: [
      { text: 'Educate the patient about abuse while the partner is present' },
      {
        text: 'Provide privacy: see the patient alone, with a professional interpreter if needed',
        correct: true,
      },
      { text: 'Ask directly whether the partner is exploiting the patient' },
      { text: 'Respond by calling the hotline together straight away' },
    ],
    explanation:
      'PEARR stands for Provide privacy, Educate, Ask, Respect and Respond. Educating, asking, and responding ' +
      'can only happen safely once the patient is alone with you.',
  },
  {
    key: 'q-universal-education',
    objective: 1,
    prompt: 'PEARR is based on "universal education". What does that mean in practice?',
    choices: [
      { text: 'Screening the patients who fit a high-risk profile' },
      { text: 'Giving every patient information on abuse and where to get help', correct: true },
      { text: 'Training every staff member about trafficking once a year' },
      { text: 'Asking every patient to fill out a trafficking questionnaire' },
    ],
    explanation:
      'Universal education shares information and resources with every patient instead of screening to extract ' +
      'a disclosure, so a patient who is not ready to talk still learns where help is.',
  },
  {
    key: 'q-samhsa-principle',
    objective: 1,
    prompt:
      'A patient declines a pelvic exam today but accepts STI testing from a urine sample, and you agree. Which ' +
      'SAMHSA trauma-informed principle does this apply most directly?',
    choices: [
      { text: 'Peer support' },
      { text: 'Trustworthiness and transparency' },
      { text: 'Empowerment, voice, and choice', correct: true },
      { text: 'Cultural, historical, and gender issues' },
    ],
    explanation:
      "Offering real choices and accepting the patient's decision applies empowerment, voice, and choice, one of " +
      "SAMHSA's six principles.",
  },
  {
    key: 'q-resist-retraumatization',
    objective: 1,
    prompt:
      "Which of SAMHSA's four R's means actively avoiding practices, such as making a patient retell their " +
      'story to each new staff member, that repeat the harm?',
    choices: [
      { text: 'Realize the impact of trauma' },
      { text: 'Recognize the signs of trauma' },
      { text: 'Respond through policy and practice' },
      { text: 'Resist re-traumatization', correct: true },
    ],
    explanation:
      'Resisting re-traumatization means avoiding practices, such as repeated questioning, that reproduce the ' +
      'loss of control the patient has already suffered.',
  },
  {
    key: 'q-substance-use',
    objective: 1,
    prompt:
      'A patient in withdrawal says the man he works for "gives him what he needs" so that he can keep working. ' +
      'How should substance use factor into your assessment?',
    choices: [
      { text: 'It can be both a vulnerability and a tool of control', correct: true },
      { text: 'It suggests a substance use disorder, which makes trafficking less likely' },
      { text: 'It matters in sex trafficking but not in labor trafficking' },
      { text: 'It should be treated first, with trafficking considered after detox' },
    ],
    explanation:
      'Substance use is a recognized vulnerability factor, and traffickers may supply drugs so that dependence and ' +
      'withdrawal keep the person under control, in labor as in sex trafficking.',
  },
  {
    key: 'q-vera-tvit',
    objective: 1,
    prompt:
      "Your emergency department is considering the Vera Institute's TVIT screening tool. What should the team " +
      'know about how it was validated?',
    choices: [
      { text: 'It was validated in emergency departments, using its 16-question short form' },
      {
        text: 'It was validated in interviews at victim-service agencies, not in EDs or clinics',
        correct: true,
      },
      { text: 'It was validated for sex trafficking of foreign-born adults' },
      { text: 'It was validated by HHS as a required screen for hospital patients' },
    ],
    explanation:
      'The TVIT was validated with clients of victim-service agencies, for sex and labor trafficking and for ' +
      'U.S.-born and foreign-born people. Its accuracy in clinical settings has not been established.',
  },
  {
    key: 'q-heal-toolkit',
    objective: 1,
    prompt: 'What is the HEAL Trafficking Protocol Toolkit mainly designed to do?',
    choices: [
      { text: 'Let patients screen themselves on a tablet in the waiting room' },
      { text: 'Assign ICD-10-CM codes to trafficking encounters' },
      { text: 'Help a facility build its own trafficking response protocol', correct: true },
      { text: 'Guide law-enforcement interviews of victims' },
    ],
    explanation:
      'The free 2017 toolkit helps emergency departments, hospitals, clinics, private offices, and school-based ' +
      'health centers write a response protocol.',
  },
  {
    key: 'q-warning-signs-cluster',
    objective: 1,
    prompt:
      'A man brings in a 24-year-old with a three-day-old hand wound. He answers every question, holds the ' +
      "patient's passport, and wants to leave quickly. What do these findings represent?",
    choices: [
      { text: 'Proof of trafficking, which calls for confronting the companion' },
      { text: 'Findings typical of a workplace injury that need no follow-up' },
      { text: 'Grounds for a police report before the wound is treated' },
      { text: 'Warning signs that call for private time and screening', correct: true },
    ],
    explanation:
      'A controlling companion, documents held by someone else, and delayed care are warning signs. No sign ' +
      'proves trafficking, so treat the wound and seek a safe private conversation, not confrontation.',
  },
  {
    key: 'q-health-effects-labor',
    objective: 1,
    prompt:
      'A farmworker has his second episode of heat illness this month and an infected hand wound he hid from his ' +
      'crew boss. How should you interpret these findings?',
    choices: [
      { text: 'As routine occupational problems with no bearing on trafficking' },
      { text: 'As possible effects of labor exploitation that call for private questions', correct: true },
      { text: 'As relevant to sex trafficking rather than labor trafficking' },
      { text: 'As findings that confirm labor trafficking on their own' },
    ],
    explanation:
      'Repeated heat illness and hidden, untreated injuries are among the health effects of labor trafficking. ' +
      'They do not prove it, but they call for private questions about work and living conditions.',
  },
  {
    key: 'q-health-effects-sex',
    objective: 1,
    prompt:
      'A 22-year-old has her third STI this year, says a recent pregnancy was ended because her boyfriend ' +
      'insisted, and has nightmares. What is the best next step?',
    choices: [
      { text: 'Treat the STI and counsel on condom use, as the problems are unrelated' },
      { text: 'Refer her to psychiatry first, since the nightmares explain the rest' },
      { text: 'Report the boyfriend to the police before treating her' },
      {
        text: 'Treat her, make private time, and ask about her safety and control over her life',
        correct: true,
      },
    ],
    explanation:
      'Repeated STIs, pregnancies ended under pressure, and trauma symptoms are health effects often reported by ' +
      'sex-trafficking survivors. Treat, then create a safe private conversation.',
  },
  {
    key: 'q-care-after',
    objective: 1,
    prompt:
      'A man who left a labor-trafficking situation comes to your clinic for sleep problems. What does ' +
      'trauma-informed follow-up look like?',
    choices: [
      {
        text: 'The same clinician where possible, a safe way to reach him, and no retelling of his story',
        correct: true,
      },
      { text: 'A new specialist for each problem, so that nothing is missed' },
      { text: 'A police report on file before follow-up care is booked' },
      { text: 'A detailed history of the exploitation at each visit to track progress' },
    ],
    explanation:
      'Continuity, safe contact, and not having to repeat the story reduce re-traumatization and make it more ' +
      'likely that he returns for the care he needs.',
  },
  {
    key: 'q-t-visa',
    objective: 1,
    prompt:
      'A patient who was trafficked for labor fears she will be deported if she seeks help. What accurate ' +
      'information can you give her?',
    choices: [
      { text: 'Protection is available to people who entered the country lawfully' },
      { text: 'Contacting any agency will start deportation proceedings' },
      { text: 'Her clinician can file a T visa application on her behalf' },
      {
        text: 'Protections such as the T visa exist, and an immigration attorney can explain them',
        correct: true,
      },
    ],
    explanation:
      'The T visa protects victims of severe trafficking whatever their immigration status. Clinicians do not ' +
      'give legal advice; refer to an immigration or legal-aid attorney through social work or the hotline (which ' +
      'is not law enforcement, but informs the authorities when it suspects child abuse or imminent harm).',
  },
  {
    key: 'q-hhs-letters',
    objective: 1,
    prompt: 'What does an HHS eligibility letter do for a foreign-national child who was trafficked?',
    choices: [
      { text: 'It grants the child lawful permanent residence' },
      { text: 'It opens federally funded benefits and services, as for a refugee', correct: true },
      { text: 'It opens benefits once the child testifies against the trafficker' },
      { text: 'It lets a U.S.-citizen child enroll in Medicaid' },
    ],
    explanation:
      "HHS's Office on Trafficking in Persons issues eligibility letters to foreign-national minors (certification " +
      'letters to adults). A child need not cooperate with law enforcement, and citizens do not need a letter.',
  },
  {
    key: 'q-returns-to-trafficker',
    objective: 1,
    prompt:
      'A patient you connected with services comes back months later, living again with the person who exploited ' +
      'her. What is the most helpful response?',
    choices: [
      { text: 'Conclude that your earlier concern was mistaken' },
      { text: 'Tell her you can help again once she leaves for good' },
      { text: 'Care for her without judgment and keep offering resources', correct: true },
      { text: 'Refer her elsewhere, since your team could not help her' },
    ],
    explanation:
      'Leaving often takes several attempts because of debt, fear, and trauma bonding. Nonjudgmental care keeps ' +
      'the door open for the next chance.',
  },
];
