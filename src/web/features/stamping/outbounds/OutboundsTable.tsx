import type { ReactNode } from 'react';
import Decimal from '../../../../contracts/exact-decimal';
import { Group, Table } from '@mantine/core';
import { DataTable } from '../../../ui/DataTable';
import { formatDecimal } from '../../inventory/decimal';
import { formatIsoDay } from '../shipments/format';
import type { Outbound } from '../verify/api';

interface Props {
  rows: Outbound[];
  /** `<testId>` on the table, `<testId>-row` on its rows */
  testId: string;
  /** staff see every consignee's; a customer only their own */
  withConsignee?: boolean;
  /** how an order filed on it is shown: a link for staff, its number for a customer */
  renderPo?: (po: Outbound['pos'][number]) => ReactNode;
}

/** Outbounds, one a row: day, orders filed on it and the units they stamped. */
export function OutboundsTable({ rows, testId, withConsignee = false, renderPo = (p) => p.number }: Props) {
  return (
    <DataTable testId={testId} minWidth={600} count={rows.length} empty="No outbounds yet: they appear when an order completes."
      columns={['Outbound', 'Day', ...(withConsignee ? ['Consignee'] : []), 'Orders', { label: 'Units', align: 'right' }]}>
      {rows.map((o) => (
        <Table.Tr key={o.id} data-testid={`${testId}-row`} data-number={o.number}>
          <Table.Td fw={600}>{o.number}</Table.Td>
          <Table.Td>{formatIsoDay(o.day)}</Table.Td>
          {withConsignee && <Table.Td>{o.customerName}</Table.Td>}
          <Table.Td>
            <Group gap="xs">{o.pos.map((p) => <span key={p.id}>{renderPo(p)}</span>)}</Group>
          </Table.Td>
          <Table.Td ta="right">{formatDecimal(o.pos.reduce((s, p) => s.plus(p.qty), new Decimal(0)).toString())}</Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
