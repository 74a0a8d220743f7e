import { Table, Text } from '@mantine/core';
import { formatDecimal } from '../../inventory/decimal';
import type { RegionMap } from '../orders/regions';
import type { PoRequestDto } from './api';

/** Every line of a request in the reviewer's words: Brand / Product / Flavour / mL / Nic / Region / Qty. */
export function LinesPanel({ request, regions }: { request: PoRequestDto; regions: RegionMap }) {
  const proposal = request.lines.some((l) => l.proposedQty !== null);
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table fz="sm" verticalSpacing={4} data-testid="request-lines-panel">
        <Table.Thead>
          <Table.Tr>
            {['Brand', 'Product', 'Flavour'].map((h) => <Table.Th key={h}>{h}</Table.Th>)}
            <Table.Th ta="right">mL</Table.Th>
            <Table.Th ta="right">Nic</Table.Th>
            <Table.Th>Region</Table.Th>
            <Table.Th ta="right">Qty</Table.Th>
            {proposal && <Table.Th ta="right">Proposed</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {request.lines.map((l) => (
            <Table.Tr key={l.lineNo} data-testid="request-line">
              <Table.Td>{l.brand}</Table.Td>
              <Table.Td><Text size="sm" ff="monospace">{l.code}</Text></Table.Td>
              <Table.Td>{l.flavour}</Table.Td>
              <Table.Td ta="right">{l.volumeMl}</Table.Td>
              <Table.Td ta="right">{l.strengthMg} mg</Table.Td>
              <Table.Td>{regions.get(l.regionCode)?.name ?? l.regionCode}</Table.Td>
              <Table.Td ta="right" fw={600}>{formatDecimal(l.qty)}</Table.Td>
              {proposal && <Table.Td ta="right" c="orange">{l.proposedQty === null ? '—' : formatDecimal(l.proposedQty)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
