import { describe, expect, it } from '@jest/globals';
import { type CursorPage, pageView } from './cursor-page';

const first: CursorPage<string> = { items: ['a', 'b'], nextCursor: 'c1' };
const second: CursorPage<string> = { items: ['c', 'd'], nextCursor: 'c2' };
const last: CursorPage<string> = { items: ['e'], nextCursor: null };

describe('pageView', () => {
  it('shows the first page with only Next on offer', () => {
    expect(pageView([first], 0)).toEqual({ items: ['a', 'b'], number: 1, hasPrevious: false, hasNext: true });
  });

  it('shows a middle page with both ways open', () => {
    expect(pageView([first, second, last], 1)).toEqual({
      items: ['c', 'd'],
      number: 2,
      hasPrevious: true,
      hasNext: true,
    });
  });

  it('offers no Next on the last page', () => {
    expect(pageView([first, second, last], 2)).toMatchObject({ items: ['e'], number: 3, hasNext: false });
  });

  it('keeps the last loaded page on screen while the asked-for one loads, numbered as asked, Next held', () => {
    expect(pageView([first], 1)).toEqual({ items: ['a', 'b'], number: 2, hasPrevious: true, hasNext: false });
  });

  it('shows nothing before the first page has loaded', () => {
    expect(pageView<string>([], 0)).toEqual({ items: [], number: 1, hasPrevious: false, hasNext: false });
  });
});
