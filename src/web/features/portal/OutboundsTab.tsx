import Decimal from '../../../contracts/exact-decimal';
import { Table } from '@mantine/core';
import { DataTable } from '../../ui/DataTable';
import { QueryState } from '../../ui/QueryState';
import { formatDecimal } from '../inventory/decimal';
import { formatIsoDay } from '../stamping/shipments/format';
import { usePortalOutbounds } from './api';

/** What left the plant for this customer: one outbound per completion day, with its orders. */
export function OutboundsTab() {
  const outbounds = usePortalOutbounds();
  const rows = outbounds.data ?? [];
  return (
    <QueryState pending={outbounds.isPending} error={outbounds.error}>
      <DataTable testId="portal-outbounds" minWidth={600} count={rows.length} empty="No outbounds yet: they appear when an order completes."
        columns={['Outbound', 'Day', 'Orders', { label: 'Units', align: 'right' }]}>
        {rows.map((o) => (
          <Table.Tr key={o.id} data-testid="portal-outbound-row" data-number={o.number}>
            <Table.Td fw={600}>{o.number}</Table.Td>
            <Table.Td>{formatIsoDay(o.day)}</Table.Td>
            <Table.Td>{o.pos.map((p) => p.number).join(', ')}</Table.Td>
            <Table.Td ta="right">{formatDecimal(o.pos.reduce((s, p) => s.plus(p.qty), new Decimal(0)).toString())}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </QueryState>
  );
}
