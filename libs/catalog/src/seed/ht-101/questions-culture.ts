import type { QuestionContent } from '../course-content';

/** Objective 4 (index 3): cultural diversity (gender, age, race, religion, language, orientation, income). */
export const cultureQuestions: QuestionContent[] = [
  {
    key: 'q-interpreter-choice',
    objective: 3,
    prompt: 'Who is the most appropriate interpreter for a patient who may be trafficked?',
    choices: [
      { text: 'The "cousin" who came in with the patient and speaks both languages' },
      { text: 'A bilingual patient who offers to help from the waiting room' },
      { text: "The patient's teenage child, who interprets at home" },
      { text: 'A trained professional interpreter with no ties to the patient', correct: true },
    ],
    explanation:
      'Use a trained, neutral interpreter, in person or by phone. Relatives, companions, other patients, and ' +
      'community members may be linked to the trafficker or may silence the patient.',
  },
  {
    key: 'q-same-gender-request',
    objective: 3,
    prompt:
      'A male patient asks for a male examiner before a genital exam. What is the most appropriate response?',
    choices: [
      { text: 'Explain that any qualified examiner is acceptable and proceed' },
      { text: 'Honor the request when you can, and explain any delay', correct: true },
      { text: "Ask the patient's companion whether the request matters" },
      { text: 'Offer a chaperone instead, as such requests are meant for women' },
    ],
    explanation:
      'Honoring a request for a provider or examiner of the same gender, whatever the patient’s gender, is core ' +
      'culturally responsive and trauma-informed practice.',
  },
  {
    key: 'q-community-interpreter',
    objective: 3,
    prompt: 'Why might a patient prefer not to have an interpreter from his own ethnic community?',
    choices: [
      { text: 'Community interpreters tend to be less accurate' },
      { text: 'Professional rules bar interpreters from the same community' },
      { text: 'He may fear gossip or a link to the trafficker', correct: true },
      { text: 'Patients tend to prefer English in clinical settings' },
    ],
    explanation:
      'Some victims distrust interpreters from their own community, fearing gossip or ties to the trafficker. A ' +
      'phone interpreter from outside the community may feel safer.',
  },
  {
    key: 'q-explanatory-model',
    objective: 3,
    prompt:
      'A patient says her headaches are caused by a curse. What is the most culturally responsive next step?',
    choices: [
      { text: 'Correct the belief firmly so that she accepts the medical explanation' },
      { text: 'Record it in the chart as a sign of psychiatric illness' },
      { text: 'Set it aside and focus on the physical examination' },
      { text: 'Ask what she thinks would help and build it into the plan', correct: true },
    ],
    explanation:
      "Asking for the patient's explanatory model builds trust and helps you make a plan she can accept and " +
      'follow.',
  },
  {
    key: 'q-low-literacy',
    objective: 3,
    prompt: 'A patient cannot read well. How should you share safety information with them?',
    choices: [
      { text: 'Give them a detailed printed brochure to read at home' },
      { text: 'Use plain language and visual aids, and check understanding', correct: true },
      { text: 'Give the materials to their companion to explain later' },
      { text: 'Text the information to the phone they arrived with' },
    ],
    explanation:
      'Plain speech and visual aids reach the patient directly. Printed material may be unreadable, and a companion ' +
      'or a phone someone else controls may belong to the trafficker.',
  },
  {
    key: 'q-lgbtq-youth',
    objective: 3,
    prompt:
      'A 16-year-old who was put out of his home after coming out as gay now stays with an older man who "takes ' +
      'care of" him. How does this background bear on your assessment?',
    choices: [
      {
        text: 'Family rejection and homelessness raise his vulnerability; ask privately about his situation',
        correct: true,
      },
      { text: 'It lowers concern, since he now has a stable place to stay' },
      { text: 'It matters more for girls in his situation than for boys' },
      { text: 'It is private and best left out of the assessment' },
    ],
    explanation:
      'LGBTQ identity with family rejection, and homelessness, are recognized vulnerability factors. Ask without ' +
      "judgment, privately, using the patient's own words.",
  },
  {
    key: 'q-avoid-assumptions',
    objective: 3,
    prompt:
      'A patient stays silent and avoids eye contact during the visit. What is the best way to interpret this?',
    choices: [
      { text: 'He agrees with the plan and has no questions' },
      { text: 'He is probably being dishonest about his history' },
      { text: 'It reflects his culture, so it needs no further check' },
      { text: 'It may reflect fear, trauma, culture, or language', correct: true },
    ],
    explanation:
      "Avoid quick assumptions about a patient's reactions. Check understanding, and ask open questions.",
  },
  {
    key: 'q-religion-modesty',
    objective: 3,
    prompt:
      'A patient hesitates about an exam for reasons of religious modesty. What is the most appropriate response?',
    choices: [
      { text: 'Proceed with the exam and avoid raising religion' },
      { text: 'Ask what would make the exam acceptable to her', correct: true },
      { text: 'Explain that the exam is standard and cannot be adapted' },
      { text: 'Document a refusal of care and move on' },
    ],
    explanation:
      'Asking respectfully about religious and cultural meaning, rather than avoiding it, lets you adapt care, for ' +
      'example with a chaperone or an examiner of the same gender, so the patient can accept it.',
  },
  {
    key: 'q-race-and-concern',
    objective: 3,
    prompt:
      'Two patients show the same warning signs: a white woman born in Ohio and a Black man born in Georgia. How ' +
      'should race and ethnicity shape your level of concern?',
    choices: [
      { text: 'Equally for both: the signs, not appearance or ethnicity, set the concern', correct: true },
      { text: 'Higher for the woman, since trafficking mostly affects women' },
      { text: 'Lower for both, since U.S.-born people are seldom trafficked' },
      { text: 'Higher for the man, since traffickers mostly target men of color' },
    ],
    explanation:
      'Trafficking affects people of every background, including U.S. citizens and men. Let observed signs set ' +
      'your level of concern, and check your own assumptions about who looks like a victim.',
  },
  {
    key: 'q-socioeconomic',
    objective: 3,
    prompt:
      'A patient says they cannot quit a job that withholds their wages because their family back home depends on ' +
      'the money. How is their economic situation best understood?',
    choices: [
      { text: 'Financial need shows the work is a free choice, so trafficking is unlikely' },
      { text: 'Income is a private matter that falls outside a clinical assessment' },
      {
        text: 'Poverty and family obligations can be both a vulnerability and a tool of control',
        correct: true,
      },
      { text: 'Money worries point to a budgeting problem best left to the family' },
    ],
    explanation:
      'Poverty, debt, and obligations to family make people vulnerable and are used to hold them in exploitative ' +
      'work. Ask about money, housing, and work without judgment.',
  },
  {
    key: 'q-adolescent-boyfriend',
    objective: 3,
    prompt:
      'A 15-year-old describes her 24-year-old "boyfriend," who buys her clothes and arranges for her to "hang ' +
      'out" with his friends for money. How should her calling him a boyfriend shape your response?',
    choices: [
      { text: 'It shows a consensual relationship, so no report is needed' },
      { text: 'It makes this a dating-violence matter rather than trafficking' },
      { text: 'It means a report needs her agreement first' },
      {
        text: 'Teens often see a trafficker as a partner; it does not change your duty to report',
        correct: true,
      },
    ],
    explanation:
      'Adolescents may see the person exploiting them as a boyfriend or protector. She is a minor in commercial ' +
      'sex, so it is trafficking and is reported under state child-abuse law whatever she calls him.',
  },
  {
    key: 'q-transgender-patient',
    objective: 3,
    prompt:
      'A transgender woman whose ID shows a different name arrives with a controlling companion. What is a ' +
      'culturally responsive first step?',
    choices: [
      { text: 'Use the name on her ID so that the records match' },
      { text: 'Ask the companion which name and pronouns to use' },
      { text: 'Use the name and pronouns she gives, and find private time to talk', correct: true },
      { text: 'Avoid using any name or pronoun during the visit' },
    ],
    explanation:
      "Using the patient's own name and pronouns builds trust; transgender people face added risk and barriers to " +
      'care. Then create privacy from the companion as you would for any patient.',
  },
];
