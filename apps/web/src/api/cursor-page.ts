/** One page of a cursor-paged api list: `nextCursor` is null on the last page. */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PageView<T> {
  /** The page to show: while the asked-for page loads, the last one loaded stays on screen. */
  items: readonly T[];
  /** 1-based, and already the asked-for page while it loads. */
  number: number;
  hasPrevious: boolean;
  /** False while the asked-for page loads, so a second click cannot skip a page. */
  hasNext: boolean;
}

/** What a Previous/Next pager shows of the pages loaded so far, when the `index`-th (0-based) is asked for. */
export function pageView<T>(pages: readonly CursorPage<T>[], index: number): PageView<T> {
  const loaded = index < pages.length;
  const shown = pages[Math.min(index, pages.length - 1)];
  return {
    items: shown?.items ?? [],
    number: index + 1,
    hasPrevious: index > 0,
    hasNext: loaded && shown.nextCursor !== null,
  };
}
