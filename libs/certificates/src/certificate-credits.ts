import type { CreditType } from '@beacon/core/config';

/**
 * The credits a certificate may claim: the course's credit types that the provider is accredited to award
 * (PROVIDER_CREDIT_TYPES), with the provider's labels. Nothing the provider did not configure is ever claimed.
 */
export function awardedCredits(
  courseCreditTypes: readonly string[],
  configured: readonly CreditType[],
): CreditType[] {
  const labels = new Map(configured.map((type) => [type.code, type.label]));
  return courseCreditTypes.flatMap((code) => {
    const label = labels.get(code);
    return label === undefined ? [] : [{ code, label }];
  });
}
