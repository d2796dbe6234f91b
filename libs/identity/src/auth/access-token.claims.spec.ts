import { accessTokenClaims } from './access-token.claims';

const SUB = '0b5c2f4e-6a43-4f7e-9d6a-2f1c3b4a5d6e';
const SID = '7d9e1f2a-3b4c-4d5e-8f60-718293a4b5c6';
const ORG = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const valid = { sub: SUB, sid: SID, org: ORG, iss: 'beacon', iat: 1_700_000_000, exp: 1_700_000_900 };

describe('accessTokenClaims', () => {
  it('reads a token bound to an organization and one bound to none', () => {
    expect(accessTokenClaims(valid)).toEqual({ sub: SUB, sid: SID, org: ORG });
    expect(accessTokenClaims({ ...valid, org: null })).toEqual({ sub: SUB, sid: SID, org: null });
  });

  it.each([
    ['no exp', { exp: undefined }],
    ['no iat', { iat: undefined }],
    ['exp as a string', { exp: '1700000900' }],
    ['no sid', { sid: undefined }],
    ['a sid that is not a UUID', { sid: 'session-1' }],
    ['a sub that is not a UUID', { sub: 'admin' }],
    ['a numeric sub', { sub: 42 }],
    ['no org claim at all', { org: undefined }],
    ['an org that is not a UUID', { org: 'acme' }],
    ['another issuer', { iss: 'someone-else' }],
  ])('refuses a token with %s', (_label, change) => {
    expect(accessTokenClaims({ ...valid, ...change })).toBeNull();
  });
});
