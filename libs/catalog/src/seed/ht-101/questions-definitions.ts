import type { QuestionContent } from '../course-content';

/** Objective 1 (index 0): define the types of human trafficking. */
export const definitionQuestions: QuestionContent[] = [
  {
    key: 'q-minor-commercial-sex',
    objective: 0,
    prompt:
      'A 16-year-old trades sex for a place to stay. Under federal law, what must be shown for this to be sex ' +
      'trafficking?',
    choices: [
      { text: 'That force, fraud, or coercion was used on the teen' },
      { text: 'That the teen was moved across state lines' },
      { text: "No means need be shown; the teen's age is enough", correct: true },
      { text: 'That a third party, such as a pimp, profited from the exchange' },
    ],
    explanation:
      'For anyone under 18, a commercial sex act is sex trafficking under the TVPA. Force, fraud, or coercion, ' +
      'movement, and a third-party controller need not be shown; shelter counts as something of value.',
  },
  {
    key: 'q-transport-one-act',
    objective: 0,
    prompt:
      'A man is recruited in his hometown and forced to work at a local car wash to pay off a "debt" that keeps ' +
      'growing. He has never traveled. How does movement bear on whether this is trafficking?',
    choices: [
      { text: 'It cannot be trafficking until he is moved to another city' },
      { text: 'Transporting is one possible act; recruiting him is enough', correct: true },
      { text: 'It becomes trafficking once he is taken across a state line' },
      { text: 'Movement is required for labor trafficking but not for sex trafficking' },
    ],
    explanation:
      'The definition lists several acts: recruiting, harboring, transporting, providing, or obtaining. Any one ' +
      'is enough, so a person exploited where they already live can be trafficked without being moved.',
  },
  {
    key: 'q-deportation-threat',
    objective: 0,
    prompt:
      'An employer tells a farmworker, who is in the country lawfully, that he will have the worker deported if ' +
      'the worker quits. Under the federal definition, this threat is best described as:',
    choices: [
      { text: 'fraud, because the terms of the job were misrepresented' },
      { text: "smuggling, because the worker's immigration status is involved" },
      { text: 'a workplace dispute for the labor board to resolve' },
      { text: 'coercion through threatened abuse of the legal process', correct: true },
    ],
    explanation:
      'The TVPA counts abuse, or threatened abuse, of the legal process as coercion. Threats of deportation or ' +
      "arrest are a common example, whether or not the person's status is actually at risk.",
  },
  {
    key: 'q-debt-bondage',
    objective: 0,
    prompt:
      'A recruiter charges a worker for travel, housing, and meals. He works six days a week, but is told his ' +
      'debt keeps growing and he cannot leave until it is paid. This describes:',
    choices: [
      { text: 'debt bondage', correct: true },
      { text: 'human smuggling' },
      { text: 'an ordinary civil debt' },
      { text: 'a lawful wage deduction' },
    ],
    explanation:
      "In debt bondage, a person's work is pledged against a debt that the work never fairly pays down, so the " +
      'debt becomes the means of holding them.',
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
      'Any sex act for which anything of value is given or received counts. Food, shelter, drugs, or a ride can ' +
      'be the thing of value.',
  },
  {
    key: 'q-control-methods',
    objective: 0,
    prompt: 'From what survivors report, how do most traffickers keep control of the people they exploit?',
    choices: [
      { text: 'By abducting strangers and confining them' },
      { text: 'By keeping them behind locked doors they cannot open' },
      { text: 'Through deception, threats, manipulation, and debt', correct: true },
      { text: 'By taking them to a country whose language they do not speak' },
    ],
    explanation:
      'Most traffickers rely on psychological control rather than kidnapping or locks. A patient can be ' +
      'unaccompanied and unlocked and still not be free to leave.',
  },
  {
    key: 'q-trafficking-vs-smuggling',
    objective: 0,
    prompt: 'Which statement correctly distinguishes trafficking from smuggling?',
    choices: [
      { text: 'Trafficking requires illegal entry into the country; smuggling does not' },
      {
        text: 'Trafficking is exploitation and needs no border crossing; smuggling is illegal transport across one',
        correct: true,
      },
      { text: 'Smuggling involves force, while trafficking victims consent to what happens' },
      { text: 'They are two names for the same federal offense' },
    ],
    explanation:
      'Smuggling is moving a person across a border illegally. Trafficking is exploitation through labor, ' +
      'services, or commercial sex, and it happens to citizens who never travel. The two can overlap.',
  },
  {
    key: 'q-adult-commercial-sex',
    objective: 0,
    prompt:
      'An adult patient says he trades sex for money to pay his rent. When does this meet the federal ' +
      'definition of sex trafficking?',
    choices: [
      { text: 'Whenever an adult exchanges sex for money or housing' },
      { text: 'When he was brought into the country from abroad' },
      { text: 'When the commercial sex is induced by force, fraud, or coercion', correct: true },
      { text: 'When the buyer and the patient live in different states' },
    ],
    explanation:
      'For adults, commercial sex is trafficking when force, fraud, or coercion induces it. For minors, those ' +
      'means do not need to be shown.',
  },
  {
    key: 'q-domestic-worker',
    objective: 0,
    prompt:
      "A live-in nanny's employer keeps her passport, pays her nothing, and says her family abroad will be hurt " +
      'if she leaves. How is this best described?',
    choices: [
      { text: 'A wage dispute, since the employer is a private household' },
      { text: 'Human smuggling, since she came from abroad' },
      { text: 'Debt bondage, since she owes the employer for her travel' },
      { text: 'Labor trafficking, with threats of serious harm to others as coercion', correct: true },
    ],
    explanation:
      'Threats of serious harm to any person, including relatives, are coercion under the TVPA. Trafficking ' +
      'happens in private homes and legal industries; nothing here describes a debt.',
  },
  {
    key: 'q-means-fraud',
    objective: 0,
    prompt: 'Which of these is an example of fraud as a means of trafficking?',
    choices: [
      { text: 'A false job offer used to recruit someone who is then made to work', correct: true },
      { text: 'A threat to report a worker to immigration if they quit' },
      { text: 'Locking a worker in the dormitory at night' },
      { text: 'A debt for housing that grows however much the person works' },
    ],
    explanation:
      'Fraud is deception that draws a person in or keeps them there, such as a fake job offer. A threat to call ' +
      'immigration is coercion, locking someone in is force, and a debt that never shrinks is debt bondage.',
  },
  {
    key: 'q-minor-labor',
    objective: 0,
    prompt:
      "A 15-year-old works long, unpaid hours in a relative's shop. Under the federal definition of labor " +
      'trafficking, what else must be present for this to be trafficking?',
    choices: [
      { text: 'Nothing further; unpaid work by a minor is labor trafficking' },
      { text: 'Force, fraud, or coercion, as for an adult', correct: true },
      { text: 'Transport of the teen across a state or national border' },
      { text: 'A commercial sex act connected with the work' },
    ],
    explanation:
      'The age exception applies to commercial sex only. Federal labor trafficking of a minor still requires ' +
      'force, fraud, or coercion, although child labor and child-abuse laws may apply on their own.',
  },
  {
    key: 'q-coercion-scheme',
    objective: 0,
    prompt:
      'A crew boss keeps telling a worker that others who left "ended up hurt," and shows her photos of her ' +
      "children's school. No direct threat is made. Under the TVPA, this is best described as:",
    choices: [
      { text: 'fraud, because nothing was said openly' },
      { text: 'no recognized means, because there was no explicit threat' },
      { text: 'force, because it restrains the worker physically' },
      { text: 'coercion: a scheme meant to make her believe leaving brings serious harm', correct: true },
    ],
    explanation:
      'The TVPA counts a scheme, plan, or pattern meant to make a person believe that refusing would bring ' +
      'serious harm to them or others as coercion, even without a spoken threat.',
  },
];
