import { Badge, Table, Text } from '@mantine/core';
import { DataTable } from '../../ui/DataTable';
import { QueryState } from '../../ui/QueryState';
import { formatDecimal } from '../inventory/decimal';
import { formatIsoDay } from '../stamping/shipments/format';
import { SHIPMENT_STATUS } from '../stamping/shipments/status';
import { usePortalShipments } from './api';

/** Own shipments: status, boxes, and what the received boxes held (good is what can be stamped). */
export function ShipmentsTab() {
  const shipments = usePortalShipments();
  const rows = shipments.data ?? [];
  return (
    <QueryState pending={shipments.isPending} error={shipments.error}>
      <DataTable testId="portal-shipments" minWidth={860} count={rows.length} empty="No shipments yet."
        columns={['Shipment', 'Status', 'Reference', 'Expected', 'Boxes', { label: 'Received', align: 'right' }, { label: 'Good', align: 'right' }, { label: 'Damaged', align: 'right' }, { label: 'Missing', align: 'right' }]}>
        {rows.map((s) => (
          <Table.Tr key={s.id} data-testid="portal-shipment-row" data-number={s.number} data-status={s.status}>
            <Table.Td fw={600}>{s.number}</Table.Td>
            <Table.Td><Badge variant="light" color={SHIPMENT_STATUS[s.status].color}>{SHIPMENT_STATUS[s.status].label}</Badge></Table.Td>
            <Table.Td>{s.reference ?? '—'}</Table.Td>
            <Table.Td>{formatIsoDay(s.expectedOn)}</Table.Td>
            <Table.Td>
              <Text size="sm">{s.boxesReceived} received</Text>
              {s.boxesExpected > 0 && <Text size="xs" c="dimmed">{s.boxesExpected} still expected</Text>}
            </Table.Td>
            <Table.Td ta="right">{formatDecimal(s.figures.rawQty)}</Table.Td>
            <Table.Td ta="right" fw={600} data-testid="portal-shipment-good">{formatDecimal(s.figures.goodQty)}</Table.Td>
            <Table.Td ta="right">{formatDecimal(s.figures.damagedQty)}</Table.Td>
            <Table.Td ta="right">{formatDecimal(s.figures.missingQty)}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </QueryState>
  );
}
