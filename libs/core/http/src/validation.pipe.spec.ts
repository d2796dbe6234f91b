import { unsafeInputErrors } from './validation.pipe';

describe('unsafeInputErrors', () => {
  it('names a string with an unpaired high or low surrogate, at any depth and inside arrays', () => {
    expect(
      unsafeInputErrors({ name: 'a\ud800', admin: { email: '\udc00@b.test' }, roles: ['ok', 'x\ud83d'] }),
    ).toEqual([
      { field: 'name', message: expect.stringContaining('surrogate') },
      { field: 'admin.email', message: expect.stringContaining('surrogate') },
      { field: 'roles.1', message: expect.stringContaining('surrogate') },
    ]);
  });

  it('accepts paired surrogates (emoji, CJK extension B) and ordinary accented text', () => {
    expect(unsafeInputErrors({ name: 'José 😀 𠀀 Muñoz', tags: ['Đặng'] })).toEqual([]);
  });

  it('names a NUL character and an unsafe property name', () => {
    expect(unsafeInputErrors({ q: 'a\u0000b' })).toEqual([
      { field: 'q', message: 'q must not contain NUL characters' },
    ]);
    expect(unsafeInputErrors({ preferences: { ['k\ud800']: 1 } })).toEqual([
      { field: 'preferences', message: expect.stringContaining('property name') },
    ]);
  });

  it('names an unsafe top-level key by where it came from: the body or the query', () => {
    expect(unsafeInputErrors({ ['a\u0000']: 1 })).toEqual([
      { field: 'body', message: expect.stringContaining('property name') },
    ]);
    expect(unsafeInputErrors({ ['a\u0000']: '1' }, '', 'query')).toEqual([
      { field: 'query', message: expect.stringContaining('property name') },
    ]);
    expect(unsafeInputErrors({ filters: { ['a\ud800']: '1' } }, '', 'query')).toEqual([
      { field: 'filters', message: expect.stringContaining('property name') },
    ]);
  });
});
