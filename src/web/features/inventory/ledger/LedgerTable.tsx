import { Anchor, Table, Text, Tooltip } from '@mantine/core';
import type { StockEntryDto } from '../../../api/types';
import { formatDateTime, formatDay, formatTime } from '../../../ui/format';
import { ActionCell, QtyCells, ValueCell, WhereCell } from './EntryCells';
import { actorOf } from '../../../../contracts/ledger-csv';

interface Props {
  entries: StockEntryDto[];
  onOpenDocument: (documentId: string) => void;
}

/**
 * Ledger entries newest first; a document number opens the whole document. The change and the
 * running figure come right after the item, so a portrait tablet sees them without scrolling; who
 * posted sits under the document and where under one heading, so a laptop sees every column.
 */
export function LedgerTable({ entries, onOpenDocument }: Props) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table data-testid="ledger-table" horizontalSpacing="xs" style={{ whiteSpace: 'nowrap' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>
            <Table.Th>Document, by</Table.Th>
            <Table.Th>Item</Table.Th>
            <Table.Th ta="right">Change</Table.Th>
            <Table.Th>Before → after</Table.Th>
            <Table.Th>Where</Table.Th>
            <Table.Th>Action</Table.Th>
            <Table.Th ta="right">Value</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.id} data-testid="ledger-row" data-document={e.documentNumber} data-qty={e.qty}>
              <Table.Td>
                <Tooltip label={`Recorded ${formatDateTime(e.recordedAt)}`}>
                  <div>
                    <Text size="sm">{formatDay(e.postedAt)}</Text>
                    <Text size="xs" c="dimmed">
                      {formatTime(e.postedAt)}
                    </Text>
                  </div>
                </Tooltip>
              </Table.Td>
              <Table.Td>
                <Anchor component="button" type="button" fw={600} size="sm" onClick={() => onOpenDocument(e.documentId)} data-testid="open-document">
                  {e.documentNumber}
                </Anchor>
                <Text size="xs" c="dimmed" data-testid="entry-actor">
                  {actorOf(e)}
                </Text>
              </Table.Td>
              <Table.Td>
                {/* long variant codes wrap at their dashes rather than push the table wide */}
                <Text size="sm" fw={500} miw={140} maw={200} style={{ whiteSpace: 'normal' }}>
                  {e.variantCode}
                </Text>
              </Table.Td>
              <QtyCells entry={e} />
              <WhereCell entry={e} />
              <ActionCell entry={e} />
              <ValueCell entry={e} />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
