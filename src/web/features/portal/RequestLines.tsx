import { Table, Text } from '@mantine/core';
import { formatDecimal } from '../inventory/decimal';
import { usePortalRegions, type PoRequestDto } from './api';

/** A request's lines, variant words in their own columns; when the plant proposed quantities, those beside. */
export function RequestLines({ request }: { request: PoRequestDto }) {
  const regions = new Map((usePortalRegions().data ?? []).map((r) => [r.code, r.name]));
  const proposal = request.lines.some((l) => l.proposedQty !== null);
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table withRowBorders={false} verticalSpacing={2} fz="sm" data-testid="request-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Brand</Table.Th>
            <Table.Th>Flavour</Table.Th>
            <Table.Th ta="right">mL</Table.Th>
            <Table.Th ta="right">mg</Table.Th>
            <Table.Th>Region</Table.Th>
            <Table.Th ta="right">Qty</Table.Th>
            {proposal && <Table.Th ta="right">Proposed</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {request.lines.map((l) => {
            const changed = l.proposedQty !== null && l.proposedQty !== l.qty;
            return (
              <Table.Tr key={l.lineNo}>
                <Table.Td>{l.brand}</Table.Td>
                <Table.Td>{l.flavour}</Table.Td>
                <Table.Td ta="right">{l.volumeMl}</Table.Td>
                <Table.Td ta="right">{l.strengthMg}</Table.Td>
                <Table.Td>{regions.get(l.regionCode) ?? l.regionCode}</Table.Td>
                <Table.Td ta="right" td={proposal && changed ? 'line-through' : undefined}>{formatDecimal(l.qty)}</Table.Td>
                {proposal && (
                  <Table.Td ta="right" data-testid="proposed-qty">
                    <Text size="sm" fw={changed ? 700 : undefined} c={changed ? 'orange' : undefined}>{formatDecimal(l.proposedQty ?? l.qty)}</Text>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
