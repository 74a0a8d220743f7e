import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import type { StockEntryDto } from '../../../api/types';
import { formatChange, formatDecimal, isNegative } from '../decimal';
import { DOCUMENT_COLORS, DOCUMENT_LABELS } from '../options';
import { useGradeLabel } from '../api/grades';

/** What moved: the document's kind and the entry's reason. */
export function ActionCell({ entry }: { entry: StockEntryDto }) {
  return (
    <Table.Td>
      <Stack gap={2}>
        <Badge variant="light" color={DOCUMENT_COLORS[entry.documentType] ?? 'gray'}>
          {DOCUMENT_LABELS[entry.documentType] ?? entry.documentType}
        </Badge>
        {entry.reason && (
          <Text size="xs" c="dimmed">
            {entry.reason}
          </Text>
        )}
        {entry.note && (
          <Text size="xs" c="dimmed" maw={180} truncate title={entry.note}>
            “{entry.note}”
          </Text>
        )}
        {entry.reversesEntryId && (
          <Text size="xs" c="red">
            reversal
          </Text>
        )}
      </Stack>
    </Table.Td>
  );
}

/** Where: location, lot and grade in one compact cell group. */
export function KeyCells({ entry }: { entry: StockEntryDto }) {
  const gradeLabel = useGradeLabel();
  return (
    <>
      <Table.Td>{entry.locationCode}</Table.Td>
      <Table.Td>{entry.lotCode ?? '—'}</Table.Td>
      <Table.Td>{gradeLabel(entry.grade)}</Table.Td>
    </>
  );
}

/** Location, lot and grade in one cell: the ledger's many columns fit a laptop's width. */
export function WhereCell({ entry }: { entry: StockEntryDto }) {
  const gradeLabel = useGradeLabel();
  return (
    <Table.Td>
      <Text size="sm">{entry.locationCode}</Text>
      <Text size="xs" c="dimmed">
        {entry.lotCode ? `Lot ${entry.lotCode}` : 'No lot'} · {gradeLabel(entry.grade)}
      </Text>
    </Table.Td>
  );
}

/** The signed change and the running figure before and after it. */
export function QtyCells({ entry }: { entry: StockEntryDto }) {
  return (
    <>
      <Table.Td ta="right">
        <Text fw={700} c={isNegative(entry.qty) ? 'red.7' : 'teal.7'} data-testid="entry-qty">
          {formatChange(entry.qty)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap" data-testid="entry-before-after">
          <Text size="sm" c="dimmed">
            {formatDecimal(entry.qtyBefore)}
          </Text>
          <Text size="sm" c="dimmed">
            →
          </Text>
          <Text size="sm" fw={600}>
            {formatDecimal(entry.qtyAfter)}
          </Text>
        </Group>
      </Table.Td>
    </>
  );
}

/** The value the entry moved. */
export function ValueCell({ entry }: { entry: StockEntryDto }) {
  return (
    <Table.Td ta="right">
      <Text size="sm">{formatDecimal(entry.value)}</Text>
    </Table.Td>
  );
}

/** Change, before → after and value, in that order. */
export function FigureCells({ entry }: { entry: StockEntryDto }) {
  return (
    <>
      <QtyCells entry={entry} />
      <ValueCell entry={entry} />
    </>
  );
}
