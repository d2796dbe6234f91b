import { awardedCredits } from './certificate-credits';

describe('awardedCredits', () => {
  const course = ['nursing_contact_hours', 'ama_pra_category_1', 'ipce'];

  it('claims nothing when the provider configured no credit type', () => {
    expect(awardedCredits(course, [])).toEqual([]);
  });

  it('claims only the course’s types that the provider configured, with the provider’s labels', () => {
    expect(
      awardedCredits(course, [
        { code: 'ipce', label: 'IPCE credit' },
        { code: 'pharmacy', label: 'ACPE contact hours' },
      ]),
    ).toEqual([{ code: 'ipce', label: 'IPCE credit' }]);
  });
});
