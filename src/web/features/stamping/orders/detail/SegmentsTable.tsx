import { Anchor, Badge, Table } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { DataTable } from '../../../../ui/DataTable';
import { formatDecimal } from '../../../inventory/decimal';
import type { PoDto } from '../api';
import { shortDay } from '../days';
import { PO_STATUS } from '../status';

/** A split parent's segments: each its own PO on its own day. */
export function SegmentsTable({ po }: { po: PoDto }) {
  return (
    <DataTable testId="po-segments" minWidth={520} count={po.segments.length} empty="No segments." emptyInline
      columns={['Segment', 'Day', { label: 'Qty', align: 'right' }, 'Status']}>
      {po.segments.map((s) => (
        <Table.Tr key={s.id} data-testid="po-segment" data-number={s.number}>
          <Table.Td>
            <Anchor size="sm" fw={600} renderRoot={(props) => <Link to="/stamping/orders/$poId" params={{ poId: s.id }} {...props} />}>
              {s.number}
            </Anchor>
          </Table.Td>
          <Table.Td>{s.day ? shortDay(s.day) : 'Unscheduled'}</Table.Td>
          <Table.Td ta="right" fw={600}>{formatDecimal(s.qty)}</Table.Td>
          <Table.Td>
            <Badge size="sm" variant="light" color={PO_STATUS[s.status].color}>{PO_STATUS[s.status].label}</Badge>
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
