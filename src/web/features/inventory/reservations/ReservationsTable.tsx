import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import type { ReservationDto } from '../../../api/types';
import { DataTable } from '../../../ui/DataTable';
import { formatDateTime } from '../../../ui/format';
import { formatDecimal } from '../decimal';
import { RESERVATION_STATUS } from '../options';

interface Props {
  rows: ReservationDto[];
  /** show Consume and Release on active rows */
  actions: boolean;
  onRelease: (r: ReservationDto) => void;
  onConsume: (r: ReservationDto) => void;
  empty: string;
}

const statusOf = (s: string) => RESERVATION_STATUS[s] ?? { label: s, color: 'gray' };

export function ReservationsTable({ rows, actions, onRelease, onConsume, empty }: Props) {
  return (
    <DataTable testId="reservations-table" minWidth={940} count={rows.length} empty={empty}
      columns={['Item', 'Where', { label: 'Remaining', align: 'right' }, 'Status', 'For', 'Expires', 'Created', ...(actions ? [''] : [])]}>
      {rows.map((r) => (
        <Table.Tr key={r.id} data-testid="reservation-row" data-id={r.id} data-status={r.status} data-remaining={r.remaining}>
          <Table.Td>
            <Text size="sm" fw={600}>{r.variantCode}</Text>
            <Text size="xs" c="dimmed">{r.itemName}</Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm">{r.locationCode}</Text>
            <Text size="xs" c="dimmed">{[r.lotCode && `lot ${r.lotCode}`, r.gradeName].filter(Boolean).join(' · ')}</Text>
          </Table.Td>
          <Table.Td ta="right">
            <Text size="sm" fw={600}>{formatDecimal(r.remaining)}</Text>
            <Text size="xs" c="dimmed">of {formatDecimal(r.qty)}</Text>
          </Table.Td>
          <Table.Td>
            <Badge variant="light" color={statusOf(r.status).color} data-testid="reservation-status">{statusOf(r.status).label}</Badge>
          </Table.Td>
          <Table.Td>
            <Stack gap={2}>
              <Text size="sm">{r.sourceId ?? '—'}</Text>
              {r.note && <Text size="xs" c="dimmed" maw={220} truncate title={r.note}>{r.note}</Text>}
            </Stack>
          </Table.Td>
          <Table.Td>
            <Text size="sm" c="dimmed">{formatDateTime(r.expiresAt)}</Text>
          </Table.Td>
          <Table.Td>
            <Text size="sm">{r.createdByLabel ?? '—'}</Text>
            <Text size="xs" c="dimmed">{formatDateTime(r.createdAt)}</Text>
          </Table.Td>
          {actions && (
            <Table.Td>
              {r.status === 'active' && (
                <Group gap={4} wrap="nowrap" justify="flex-end">
                  <Button size="xs" variant="light" onClick={() => onConsume(r)} data-testid="consume-reservation">Consume</Button>
                  <Button size="xs" variant="subtle" color="orange" onClick={() => onRelease(r)} data-testid="release-reservation">Release</Button>
                </Group>
              )}
            </Table.Td>
          )}
        </Table.Tr>
      ))}
    </DataTable>
  );
}
