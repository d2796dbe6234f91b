import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A list with nothing in it says so, and what would put something there. */
export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="md">
      <Text>{children}</Text>
    </Paper>
  );
}
