import { canMove } from './training-request.types';

describe('canMove', () => {
  it('follows new → triaged → proposed → scheduled → completed', () => {
    expect(canMove('new', 'triaged')).toBe(true);
    expect(canMove('triaged', 'proposed')).toBe(true);
    expect(canMove('proposed', 'scheduled')).toBe(true);
    expect(canMove('scheduled', 'completed')).toBe(true);
  });

  it('lets any open status be declined or marked spam', () => {
    for (const from of ['new', 'triaged', 'proposed', 'scheduled'] as const) {
      expect(canMove(from, 'declined')).toBe(true);
      expect(canMove(from, 'spam')).toBe(true);
    }
  });

  it('refuses skips, moves back, staying put and moves out of a closed status', () => {
    expect(canMove('new', 'proposed')).toBe(false);
    expect(canMove('triaged', 'new')).toBe(false);
    expect(canMove('new', 'new')).toBe(false);
    expect(canMove('completed', 'declined')).toBe(false);
    expect(canMove('declined', 'triaged')).toBe(false);
    expect(canMove('spam', 'new')).toBe(false);
    expect(canMove('duplicate', 'triaged')).toBe(false);
    expect(canMove('new', 'duplicate')).toBe(false);
  });
});
