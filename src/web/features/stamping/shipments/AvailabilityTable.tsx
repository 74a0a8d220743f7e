import { Badge, Table, Text } from '@mantine/core';
import { DataTable } from '../../../ui/DataTable';
import { QueryState } from '../../../ui/QueryState';
import { formatDecimal, isNegative } from '../../inventory/decimal';
import { useAvailability } from './api';

/** What production orders may still take, per variant; kept current by the live stream. */
export function AvailabilityTable({ shipmentId }: { shipmentId: string }) {
  const availability = useAvailability(shipmentId);
  const rows = availability.data ?? [];
  const right = (label: string) => ({ label, align: 'right' as const });
  return (
    <QueryState pending={availability.isPending} error={availability.error}>
      <DataTable testId="availability-table" minWidth={520} count={rows.length} emptyInline empty="Nothing on this shipment yet."
        columns={['Product', 'Basis', right('Total'), right('Allocated'), right('Available')]}>
        {rows.map((a) => (
          <Table.Tr key={a.variantId} data-testid="availability-row" data-label={a.label} data-available={a.available}>
            <Table.Td><Text size="sm" fw={500}>{a.label}</Text></Table.Td>
            <Table.Td>
              <Badge variant="light" color={a.basis === 'received' ? 'teal' : 'gray'}>{a.basis === 'received' ? 'Received' : 'Packing list'}</Badge>
            </Table.Td>
            <Table.Td ta="right">{formatDecimal(a.total)}</Table.Td>
            <Table.Td ta="right">{formatDecimal(a.allocated)}</Table.Td>
            <Table.Td ta="right" fw={700} c={isNegative(a.available) ? 'red' : undefined} data-testid="available-qty">{formatDecimal(a.available)}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </QueryState>
  );
}
