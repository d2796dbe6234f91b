import { ProblemException } from '@beacon/core/http';
import { decodeTeamCursor, encodeTeamCursor, TeamCursor } from './team-cursor';

const MEMBER = '6f0b4a52-4a4e-4b8e-9d3c-1f2e3d4c5b6a';
const ENROLLMENT = '0d9c8b7a-6f5e-4d3c-8b2a-19f8e7d6c5b4';

function refused(cursor: string): boolean {
  try {
    decodeTeamCursor(cursor);
    return false;
  } catch (error) {
    return error instanceof ProblemException && error.getStatus() === 400;
  }
}

describe('team cursor', () => {
  it('round-trips a position, with or without a due instant', () => {
    const positions: TeamCursor[] = [
      { group: 0, due: '2026-03-01 05:59:59.999+00', memberId: MEMBER, enrollmentId: ENROLLMENT },
      { group: 1, due: 'infinity', memberId: MEMBER, enrollmentId: ENROLLMENT },
    ];
    for (const position of positions) {
      const encoded = encodeTeamCursor(position);
      expect(encoded.length).toBeLessThanOrEqual(200);
      expect(decodeTeamCursor(encoded)).toEqual(position);
    }
    expect(decodeTeamCursor(undefined)).toBeNull();
  });

  it('refuses anything else with a 400 naming the cursor', () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const bad of [
      'not base64 json!',
      encode([2, 'infinity', MEMBER, ENROLLMENT]),
      encode(['0', 'infinity', MEMBER, ENROLLMENT]),
      encode([0, '2026-13-45 25:00:00+00', MEMBER, ENROLLMENT]),
      encode([0, 'tomorrow', MEMBER, ENROLLMENT]),
      encode([0, 'infinity', 'x', ENROLLMENT]),
      encode([0, 'infinity', MEMBER]),
      encode({ group: 0 }),
      encode(null),
    ])
      expect({ bad, refused: refused(bad) }).toEqual({ bad, refused: true });
  });
});
