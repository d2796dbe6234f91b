import { ProblemException } from '@beacon/core/http';
import { decodeGapCursor, encodeGapCursor } from './requirement-gap-cursor';

const MEMBER = '6f0b4a52-4a4e-4b8e-9d3c-1f2e3d4c5b6a';

describe('requirement gap cursor', () => {
  it.each([
    { due: '2027-06-30', memberId: MEMBER, ruleCode: 'fl-nurses' },
    { due: 'infinity', memberId: MEMBER, ruleCode: '' },
  ])('decodes what it encodes: %j', (cursor) => {
    expect(decodeGapCursor(encodeGapCursor(cursor))).toEqual(cursor);
  });

  it('answers null without a cursor', () => {
    expect(decodeGapCursor(undefined)).toBeNull();
  });

  it.each([
    ['not base64 JSON', 'not a cursor'],
    ['an impossible date', encode(['2027-02-30', MEMBER, 'fl-nurses'])],
    ['a member id that is no UUID', encode(['2027-06-30', 'me', 'fl-nurses'])],
    ['a rule code with SQL in it', encode(['2027-06-30', MEMBER, "x' OR 1=1"])],
    ['too few parts', encode(['2027-06-30', MEMBER])],
    ['an object', Buffer.from('{"due":"infinity"}').toString('base64url')],
  ])('refuses %s as a 400 naming cursor', (_what, cursor) => {
    let error: unknown;
    try {
      decodeGapCursor(cursor);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ProblemException);
    expect((error as ProblemException).getStatus()).toBe(400);
    expect((error as ProblemException).body().errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
  });
});

function encode(parts: unknown[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}
