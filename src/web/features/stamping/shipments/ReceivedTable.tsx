import { Table, Text } from '@mantine/core';
import { DataTable } from '../../../ui/DataTable';
import { QueryState } from '../../../ui/QueryState';
import { formatDecimal, isZero } from '../../inventory/decimal';
import { useReceivedTotals } from './api';

/** Per product: what the packing list said beside what the received boxes held. */
export function ReceivedTable({ shipmentId }: { shipmentId: string }) {
  const totals = useReceivedTotals(shipmentId);
  const rows = totals.data ?? [];
  const right = (label: string) => ({ label, align: 'right' as const });
  return (
    <QueryState pending={totals.isPending} error={totals.error}>
      <DataTable testId="received-table" minWidth={520} count={rows.length} emptyInline empty="No packing list and no box received yet."
        columns={['Product', right('Packed'), right('Good'), right('Damaged'), right('Missing'), right('Boxes')]}>
        {rows.map((r) => (
          <Table.Tr key={r.variantId} data-testid="received-row" data-label={r.label}>
            <Table.Td><Text size="sm" fw={500}>{r.label}</Text></Table.Td>
            <Table.Td ta="right">{formatDecimal(r.packedQty)}</Table.Td>
            <Table.Td ta="right" data-testid="received-good">{formatDecimal(r.goodQty)}</Table.Td>
            <Table.Td ta="right" c={isZero(r.damagedQty) ? undefined : 'orange'} data-testid="received-damaged">{formatDecimal(r.damagedQty)}</Table.Td>
            <Table.Td ta="right" c={isZero(r.missingQty) ? undefined : 'red'}>{formatDecimal(r.missingQty)}</Table.Td>
            <Table.Td ta="right">{r.boxes}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </QueryState>
  );
}
