import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { ScrollRegion } from './scroll-region.component';

/**
 * A striped table with a visible caption and a header row, inside a scroll region labelled by the same caption (so a
 * narrow screen scrolls the table, not the page). The rows are the children.
 */
export function CaptionedTable({
  caption,
  minWidth,
  headers,
  children,
}: {
  caption: string;
  /** Below this width the table scrolls sideways. */
  minWidth: number;
  headers: readonly ReactNode[];
  children: ReactNode;
}) {
  return (
    <ScrollRegion label={caption} minWidth={minWidth}>
      <Table striped captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {headers.map((header, index) => (
              // Header cells never reorder: their position is their identity.
              <Table.Th key={index}>{header}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
