import { useCallback, useState } from 'react';

/**
 * Cursor paging as pages: the cursors of the pages seen so far, so `Previous page` goes back without the api
 * knowing about it. A filter change starts again at the first page (`reset`).
 */
export function useCursorPages() {
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const reset = useCallback(() => setCursors([undefined]), []);
  return {
    cursor: cursors[cursors.length - 1],
    pageNumber: cursors.length,
    next: (cursor: string) => setCursors((seen) => [...seen, cursor]),
    previous: () => setCursors((seen) => (seen.length > 1 ? seen.slice(0, -1) : seen)),
    reset,
  };
}
