import { checkInCode, checkInCodeChangesAt, checkInCodeMatches } from './check-in-code';

describe('self check-in codes', () => {
  const secret = Buffer.alloc(32, 7);
  const minute = new Date('2031-03-04T14:05:00Z');
  const later = (ms: number) => new Date(minute.getTime() + ms);

  it('is six digits, the same all through a minute, and another the next minute', () => {
    const code = checkInCode(secret, minute);
    expect(code).toMatch(/^\d{6}$/);
    expect(checkInCode(secret, later(59_999))).toBe(code);
    expect(checkInCode(secret, later(60_000))).not.toBe(code);
    expect(checkInCodeChangesAt(later(12_345))).toEqual(later(60_000));
  });

  it("accepts this minute's and the previous minute's code, not older ones nor another session's", () => {
    const code = checkInCode(secret, minute);
    expect(checkInCodeMatches(secret, code, later(30_000))).toBe(true);
    expect(checkInCodeMatches(secret, code, later(90_000))).toBe(true);
    expect(checkInCodeMatches(secret, code, later(120_000))).toBe(false);
    expect(checkInCodeMatches(Buffer.alloc(32, 8), code, minute)).toBe(false);
    expect(checkInCodeMatches(secret, '12345', minute)).toBe(false);
  });
});
