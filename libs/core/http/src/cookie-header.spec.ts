import { readCookie } from './cookie-header';

describe('readCookie', () => {
  it('finds one cookie among several, whatever the spacing', () => {
    expect(readCookie('a=1; beacon_refresh=abc-DEF_123; b=2', 'beacon_refresh')).toBe('abc-DEF_123');
    expect(readCookie('beacon_refresh=x;b=2', 'beacon_refresh')).toBe('x');
    expect(readCookie('  b=2 ;  beacon_refresh = y ', 'beacon_refresh')).toBe('y');
  });

  it('answers null when the header or the cookie is missing', () => {
    expect(readCookie(undefined, 'beacon_refresh')).toBeNull();
    expect(readCookie('', 'beacon_refresh')).toBeNull();
    expect(readCookie('other=1; beacon_refresh_old=2; xbeacon_refresh=3', 'beacon_refresh')).toBeNull();
    expect(readCookie('beacon_refresh', 'beacon_refresh')).toBeNull();
  });

  it('takes the first of two cookies of one name (the longest path comes first)', () => {
    expect(readCookie('beacon_refresh=first; beacon_refresh=second', 'beacon_refresh')).toBe('first');
  });

  it('decodes percent-encoding and quotes, keeps = inside the value, and never throws on bad encoding', () => {
    expect(readCookie('beacon_refresh=a%20b', 'beacon_refresh')).toBe('a b');
    expect(readCookie('beacon_refresh="quoted"', 'beacon_refresh')).toBe('quoted');
    expect(readCookie('beacon_refresh=a=b==', 'beacon_refresh')).toBe('a=b==');
    expect(readCookie('beacon_refresh=%E0%A4%A', 'beacon_refresh')).toBe('%E0%A4%A');
    expect(readCookie('beacon_refresh=', 'beacon_refresh')).toBe('');
  });
});
