import { Box } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A wide table's horizontal scroller on a narrow screen: focusable and named, so a keyboard can scroll it
 * (Mantine's ScrollContainer viewport is neither).
 */
export function ScrollRegion({
  label,
  minWidth,
  children,
}: {
  /** The region's accessible name; the table's caption says the same. */
  label: string;
  minWidth: number;
  children: ReactNode;
}) {
  return (
    <Box role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      <Box miw={minWidth}>{children}</Box>
    </Box>
  );
}
