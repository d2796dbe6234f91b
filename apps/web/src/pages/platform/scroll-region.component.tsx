import { Box } from '@mantine/core';
import type { ReactNode } from 'react';

/** A wide table's frame: focusable and named, so keyboard users can scroll it sideways at 360 px. */
export function ScrollRegion({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <Box role="region" aria-labelledby={labelledBy} tabIndex={0} style={{ overflowX: 'auto' }}>
      {children}
    </Box>
  );
}
