import { Table, Text, TextInput } from '@mantine/core';
import { formatDecimal } from '../../inventory/decimal';
import type { AvailabilityDto, PortalRegionDto } from '../api';
import { cellKey, cellQty, remaining, type Cells } from './grid';

/**
 * The request grid: one row per variant with Brand, Flavour, mL and mg in their own columns (10 mg
 * and 20 mg are different rows), a quantity per tax region, and the variant's live good-quantity
 * availability beside what the row still leaves — red once the row asks for more.
 */
export function RequestGrid({ availability, regions, cells, errors, onChange, disabled }: {
  availability: AvailabilityDto[];
  regions: PortalRegionDto[];
  cells: Cells;
  /** server field errors, by cell key */
  errors: Record<string, string>;
  onChange: (key: string, value: string) => void;
  disabled?: boolean;
}) {
  const codes = regions.map((r) => r.code);
  return (
    <Table.ScrollContainer minWidth={480 + regions.length * 96}>
      <Table data-testid="request-grid" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Brand</Table.Th>
            <Table.Th>Flavour</Table.Th>
            <Table.Th ta="right">mL</Table.Th>
            <Table.Th ta="right">mg</Table.Th>
            {regions.map((r) => <Table.Th key={r.code} ta="right">{r.name}</Table.Th>)}
            <Table.Th ta="right">Available</Table.Th>
            <Table.Th ta="right">Remaining</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {availability.map((a) => {
            const left = remaining(a.available, a.variantId, codes, cells);
            const over = left.isNegative();
            return (
              <Table.Tr key={a.variantId} data-testid="request-grid-row" data-variant={a.variantId} data-label={a.label}>
                <Table.Td>{a.brand}</Table.Td>
                <Table.Td>{a.flavour}</Table.Td>
                <Table.Td ta="right">{a.volumeMl}</Table.Td>
                <Table.Td ta="right">{a.strengthMg}</Table.Td>
                {regions.map((r) => {
                  const key = cellKey(a.variantId, r.code);
                  const invalid = cellQty(cells[key]) === null;
                  return (
                    <Table.Td key={r.code}>
                      <TextInput
                        aria-label={`${a.label} — ${r.name}`}
                        size="xs"
                        w={80}
                        ml="auto"
                        inputMode="decimal"
                        autoComplete="off"
                        placeholder="0"
                        disabled={disabled}
                        value={cells[key] ?? ''}
                        onChange={(e) => onChange(key, e.currentTarget.value)}
                        error={errors[key] ?? (invalid ? 'Not a quantity' : undefined)}
                        styles={{ input: { textAlign: 'right' } }}
                        data-testid="request-cell"
                        data-region={r.code}
                      />
                    </Table.Td>
                  );
                })}
                <Table.Td ta="right">{formatDecimal(a.available)}</Table.Td>
                <Table.Td ta="right" data-testid="request-remaining" data-remaining={left.toString()} data-over={over || undefined}>
                  <Text size="sm" fw={650} c={over ? 'red' : undefined}>{formatDecimal(left.toString())}</Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
