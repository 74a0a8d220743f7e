import { Badge, Table } from '@mantine/core';
import { DataTable } from '../../../../ui/DataTable';
import { formatDecimal } from '../../../inventory/decimal';
import type { PoDto } from '../api';

/** The PO's lines with the variant spelled out (mL and Nic), so the right variant is stamped. */
export function PoLinesTable({ po }: { po: PoDto }) {
  return (
    <DataTable testId="po-lines" minWidth={760} count={po.lines.length} empty="No lines." emptyInline
      columns={['Brand', 'Product / Flavour', 'mL', 'Nic (mg)', 'Region', { label: 'Qty', align: 'right' }, { label: 'Stamped', align: 'right' }]}>
      {po.lines.map((l) => (
        <Table.Tr key={l.id} data-testid="po-line" data-variant={l.variantId} data-region={l.regionCode}>
          <Table.Td>{l.brand}</Table.Td>
          <Table.Td fw={600}>{l.flavour}</Table.Td>
          <Table.Td>{l.volumeMl}</Table.Td>
          <Table.Td>{l.strengthMg}</Table.Td>
          <Table.Td>
            <Badge size="sm" variant="light" color={l.regionColour}>{l.regionName}</Badge>
          </Table.Td>
          <Table.Td ta="right" fw={600} data-testid="po-line-qty">{formatDecimal(l.qty)}</Table.Td>
          <Table.Td ta="right">{formatDecimal(l.stampedQty)}</Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
