import type { ReactNode } from 'react';
import { Table, Text } from '@mantine/core';

export interface Column {
  label: string;
  align?: 'left' | 'right';
}

/**
 * The list table every page uses: a horizontally scrolling table with a header row, or a quiet
 * line when there is nothing to show. Rows are the caller's `Table.Tr`s.
 */
export function DataTable({ testId, minWidth, columns, empty, emptyInline, count, children }: {
  testId: string;
  minWidth: number;
  columns: Array<string | Column>;
  empty: string;
  /** a small left-aligned empty line (inside a section) instead of a centred one */
  emptyInline?: boolean;
  count: number;
  children: ReactNode;
}) {
  if (count === 0) {
    return emptyInline ? <Text c="dimmed" size="sm">{empty}</Text> : <Text c="dimmed" ta="center" py="lg">{empty}</Text>;
  }
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => {
              const col = typeof c === 'string' ? { label: c } : c;
              return <Table.Th key={col.label} ta={col.align}>{col.label}</Table.Th>;
            })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
