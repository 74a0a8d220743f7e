import { Fragment } from 'react';
import { Badge, Group, Table, Text } from '@mantine/core';
import { IconCornerDownRight } from '@tabler/icons-react';
import { DataTable } from '../../ui/DataTable';
import { QueryState } from '../../ui/QueryState';
import { formatDecimal } from '../inventory/decimal';
import { formatIsoDay } from '../stamping/shipments/format';
import { PO_STATUS } from '../stamping/orders/status';
import { usePortalOrders, type PoDto, type PoStatus } from './api';

const Status = ({ status }: { status: PoStatus }) => (
  <Badge size="sm" variant="light" color={PO_STATUS[status].color} data-testid="portal-po-status">{PO_STATUS[status].label}</Badge>
);

/** The day it is stamped; a split order's days are on its segments. */
function ProductionDay({ po }: { po: PoDto }) {
  if (po.day) return <>{formatIsoDay(po.day)}</>;
  if (po.status === 'cancelled') return <Text size="sm" c="dimmed">—</Text>;
  return <Text size="sm" c="dimmed">{po.segments.length ? `${po.segments.length} days` : 'Not scheduled yet'}</Text>;
}

/**
 * Own production orders as the plant runs them: a split order shows its segments under it, each
 * with the day it is stamped, so the customer sees which day each part completes. Live. Status
 * and day come first: a phone shows them without scrolling the table.
 */
export function OrdersTab() {
  const orders = usePortalOrders();
  const rows = orders.data ?? [];
  return (
    <QueryState pending={orders.isPending} error={orders.error}>
      <DataTable testId="portal-orders" minWidth={760} count={rows.length} empty="No production orders yet."
        columns={['Order', 'Status', 'Production day', { label: 'Qty', align: 'right' }, { label: 'Stamped', align: 'right' }, 'Shipment']}>
        {rows.map((po) => (
          <Fragment key={po.id}>
            <Table.Tr data-testid="portal-po-row" data-number={po.number} data-status={po.status}>
              <Table.Td fw={600}>{po.number}</Table.Td>
              <Table.Td><Status status={po.status} /></Table.Td>
              <Table.Td><ProductionDay po={po} /></Table.Td>
              <Table.Td ta="right">{formatDecimal(po.totalQty)}</Table.Td>
              <Table.Td ta="right">{formatDecimal(po.stampedQty)}</Table.Td>
              <Table.Td>{po.shipmentNumber}</Table.Td>
            </Table.Tr>
            {po.segments.map((s) => (
              <Table.Tr key={s.id} data-testid="portal-segment-row" data-number={s.number} data-status={s.status}>
                <Table.Td pl="lg">
                  <Group gap={4} wrap="nowrap"><IconCornerDownRight size={14} color="var(--mantine-color-dimmed)" />{s.number}</Group>
                </Table.Td>
                <Table.Td><Status status={s.status} /></Table.Td>
                <Table.Td>{formatIsoDay(s.day)}</Table.Td>
                <Table.Td ta="right">{formatDecimal(s.qty)}</Table.Td>
                <Table.Td />
                <Table.Td />
              </Table.Tr>
            ))}
          </Fragment>
        ))}
      </DataTable>
    </QueryState>
  );
}
