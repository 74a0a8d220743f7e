import type Decimal from 'decimal.js';
import { ActionIcon, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { formatDecimal } from '../../../inventory/decimal';
import type { AvailabilityDto } from '../api';
import type { RegionDto } from '../../setup/api';
import { rowAvailable, rowExceeds, type LineRow } from './line-availability';

/** "Available 3,000" beside a row; red when the row asks for more. */
function Available({ free, exceeds }: { free: Decimal | null; exceeds: boolean }) {
  return (
    <Stack gap={0} w={120} pt={6} data-testid="line-available" data-available={free?.toString() ?? ''} data-exceeds={exceeds || undefined}>
      <Text size="xs" c="dimmed">Available</Text>
      <Text size="sm" fw={650} c={exceeds ? 'red' : free?.isNegative() ? 'red' : undefined}>
        {free === null ? '—' : formatDecimal(free.toString())}
      </Text>
    </Stack>
  );
}

/**
 * A PO's lines: product (only those the shipment has, read "Flavour — Brand · 30mL · 20mg"),
 * region and quantity, each with what is still available for its product.
 */
export function PoLineRows({ rows, onChange, availability, held, regions, errors, disabled }: {
  rows: LineRow[];
  onChange: (rows: LineRow[]) => void;
  availability: AvailabilityDto[];
  /** what the PO being edited holds per product (available to it again) */
  held?: ReadonlyMap<string, Decimal>;
  regions: RegionDto[];
  errors: Record<string, string>;
  disabled?: boolean;
}) {
  const available = new Map(availability.map((a) => [a.variantId, a.available]));
  const products = availability.map((a) => ({ value: a.variantId, label: a.label }));
  const regionOptions = regions.map((r) => ({ value: r.code, label: r.name }));
  const patch = (i: number, p: Partial<LineRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...p } : r)));
  return (
    <Stack gap="xs">
      {rows.map((r, i) => {
        const free = rowAvailable(rows, i, available, held);
        const exceeds = rowExceeds(r, free);
        return (
          <Group key={r.key} align="flex-start" gap="sm" wrap="nowrap" data-testid="po-line-row">
            <Select
              aria-label={`Product ${i + 1}`}
              placeholder={disabled ? 'Choose the shipment first' : 'Product'}
              searchable
              disabled={disabled}
              data={products}
              value={r.variantId}
              onChange={(v) => patch(i, { variantId: v })}
              error={errors[`lines.${i}.variantId`] ?? errors[`lines.${i}`]}
              comboboxProps={{ withinPortal: true }}
              style={{ flex: 1 }}
            />
            <Select
              aria-label={`Region ${i + 1}`}
              placeholder="Region"
              data={regionOptions}
              value={r.regionCode}
              onChange={(v) => patch(i, { regionCode: v })}
              error={errors[`lines.${i}.regionCode`]}
              comboboxProps={{ withinPortal: true }}
              w={150}
            />
            <TextInput
              aria-label={`Quantity ${i + 1}`}
              placeholder="Qty"
              inputMode="numeric"
              autoComplete="off"
              value={r.qty}
              onChange={(e) => patch(i, { qty: e.currentTarget.value })}
              error={errors[`lines.${i}.qty`] ?? (exceeds ? 'More than available' : undefined)}
              w={130}
            />
            <Available free={free} exceeds={exceeds} />
            <ActionIcon variant="subtle" color="gray" size="lg" mt={4} aria-label={`Remove line ${i + 1}`} disabled={rows.length === 1} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              <IconTrash size={18} />
            </ActionIcon>
          </Group>
        );
      })}
      {errors.lines && <Text size="sm" c="red">{errors.lines}</Text>}
    </Stack>
  );
}
