import { Button } from '@mantine/core';
import type { ReactNode } from 'react';
import type { useCursorList } from '../api/use-cursor-list.hook';

/** Loads a cursor list's next page below the rows already shown; hidden on the last page. */
export function MoreButton({
  more,
  children,
}: {
  more: ReturnType<typeof useCursorList>['more'];
  children: ReactNode;
}) {
  if (!more.available) return null;
  return (
    <Button variant="outline" onClick={more.load} loading={more.loading} style={{ alignSelf: 'flex-start' }}>
      {children}
    </Button>
  );
}
