import type { ReactNode } from 'react';
import { EmptyState } from './empty-state.component';
import { ErrorState } from './error-state.component';
import { LoadingState } from './loading-state.component';

/** A list's loading, failed and empty states, and the list itself once it has rows. */
export function QueryTable({
  list: { query, retry },
  isEmpty,
  empty,
  children,
}: {
  /** A `useCursorList` result, or anything with its query state and a way to try again. */
  list: { query: { isPending: boolean; isError: boolean; error: unknown }; retry: () => void };
  isEmpty: boolean;
  /** What an empty list says. */
  empty: ReactNode;
  children: ReactNode;
}) {
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={retry} />;
  if (isEmpty) return <EmptyState>{empty}</EmptyState>;
  return children;
}
