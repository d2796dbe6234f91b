import { describe, expect, it } from '@jest/globals';
import { nextRunWords } from './next-run-words';

const NOW = new Date('2027-03-03T15:00:00Z');
const later = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

describe('nextRunWords', () => {
  it('says how far ahead the next run is, in the largest fitting unit', () => {
    expect(nextRunWords(later(4.6 * 86_400_000), NOW, 'en')).toBe('in 5 days');
    expect(nextRunWords(later(5 * 3_600_000), NOW, 'en')).toBe('in 5 hours');
    expect(nextRunWords(later(20 * 60_000), NOW, 'en')).toBe('in 20 minutes');
  });

  it('reads a run already due as now, and speaks Spanish', () => {
    expect(nextRunWords(later(-60_000), NOW, 'en')).toBe('now');
    expect(nextRunWords(later(3 * 86_400_000), NOW, 'es')).toBe('dentro de 3 días');
  });
});
