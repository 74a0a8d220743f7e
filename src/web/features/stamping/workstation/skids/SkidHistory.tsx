import { Table, Text, Title } from '@mantine/core';
import { formatDateTime } from '../../../../ui/format';
import type { SkidAmendmentDto } from '../api';

const KIND: Record<SkidAmendmentDto['kind'], string> = {
  added: 'Completed onto the skid',
  appended: 'Appended',
  transferred_in: 'Transferred in',
  transferred_out: 'Transferred out',
};

/** A skid's history box line by box line: what came onto it and what left, from or to which skid, by whom and why. */
export function SkidHistory({ amendments }: { amendments: SkidAmendmentDto[] }) {
  return (
    <>
      <Title order={6}>History</Title>
      <Table.ScrollContainer minWidth={560}>
        <Table striped data-testid="skid-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Box</Table.Th>
              <Table.Th>What</Table.Th>
              <Table.Th>By</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {amendments.map((a) => (
              <Table.Tr key={a.id} data-testid="skid-history-row" data-kind={a.kind}>
                <Table.Td>{formatDateTime(a.at)}</Table.Td>
                <Table.Td>{a.brand} #{a.boxNo}<Text size="xs" c="dimmed">{a.label}</Text></Table.Td>
                <Table.Td>
                  {KIND[a.kind]}
                  {a.otherSkid && ` ${a.kind === 'transferred_in' ? 'from' : 'to'} ${a.otherSkid}`}
                  {a.reason && <Text size="xs" c="dimmed">{a.reason}</Text>}
                </Table.Td>
                <Table.Td>{a.by ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
