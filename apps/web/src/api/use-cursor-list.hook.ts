import { hashKey, keepPreviousData, useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import { type CursorPage, pageView } from './cursor-page';

/**
 * A cursor-paged api list, shown either a page at a time (`page`, for a Previous/Next pager: the pages seen
 * stay loaded, so `Previous` needs no cursor from the api) or as everything loaded so far (`items` and `more`,
 * for a `More` button). A new `queryKey` (a filter change) starts again at the first page.
 */
export function useCursorList<TPage extends CursorPage<unknown>>({
  queryKey,
  fetchPage,
  keepPrevious = false,
}: {
  queryKey: QueryKey;
  fetchPage: (cursor: string | undefined) => Promise<TPage>;
  /** Keep the old rows on screen while a filter change loads (instead of the loading state). */
  keepPrevious?: boolean;
}) {
  type Item = TPage['items'][number];
  const query = useInfiniteQuery({
    queryKey,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => fetchPage(pageParam ?? undefined),
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPrevious ? keepPreviousData : undefined,
  });
  const keyHash = hashKey(queryKey);
  const [position, setPosition] = useState({ keyHash, index: 0 });
  const index = position.keyHash === keyHash ? position.index : 0;
  const pages: readonly CursorPage<Item>[] = query.data?.pages ?? [];

  const loadingAskedPage = index >= pages.length;
  return {
    query,
    /** After a failed `Next`, trying again fetches that page rather than the ones already shown. */
    retry: () => void (loadingAskedPage && pages.length > 0 ? query.fetchNextPage() : query.refetch()),
    items: pages.flatMap((page) => page.items),
    more: {
      available: query.hasNextPage,
      loading: query.isFetchingNextPage,
      load: () => void query.fetchNextPage(),
    },
    page: {
      ...pageView(pages, index),
      previous: () => setPosition({ keyHash, index: Math.max(0, index - 1) }),
      next: () => {
        setPosition({ keyHash, index: index + 1 });
        if (index + 1 >= pages.length) void query.fetchNextPage();
      },
    },
  };
}
