import { describe, expect, it } from '@jest/globals';
import { requestAge } from './request-age';
import { movesFrom } from './training-request-moves';

describe('movesFrom', () => {
  it('offers one step forward and the way out, as the api allows', () => {
    expect(movesFrom('new')).toEqual(['triaged', 'declined', 'spam']);
    expect(movesFrom('scheduled')).toEqual(['completed', 'declined', 'spam']);
  });

  it('offers nothing from a closed request', () => {
    for (const status of ['completed', 'declined', 'spam', 'duplicate'] as const)
      expect(movesFrom(status)).toEqual([]);
  });
});

describe('requestAge', () => {
  const now = Date.parse('2031-03-04T12:00:00Z');

  it('says how long ago in the largest whole unit, in the page language', () => {
    expect(requestAge('2031-03-01T11:00:00Z', now, 'en')).toBe('3 days ago');
    expect(requestAge('2031-03-04T09:30:00Z', now, 'en')).toBe('2 hours ago');
    expect(requestAge('2031-03-04T11:55:00Z', now, 'es')).toBe('hace 5 minutos');
    expect(requestAge('2031-03-04T12:00:00Z', now, 'en')).toBe('this minute');
  });
});
