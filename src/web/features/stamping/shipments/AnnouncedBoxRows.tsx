import { ActionIcon, Group, Select, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { BrandDto } from '../setup/api';

export interface BoxRow {
  key: string;
  brandId: string | null;
  count: string;
}

/** Boxes announced per brand: "Orbito, 50" means Orbito #1 to #50. */
export function AnnouncedBoxRows({ rows, onChange, brands, errors }: {
  rows: BoxRow[];
  onChange: (rows: BoxRow[]) => void;
  brands: BrandDto[];
  errors: Record<string, string>;
}) {
  const patch = (i: number, p: Partial<BoxRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...p } : r)));
  return (
    <>
      {rows.map((r, i) => (
        <Group key={r.key} align="flex-start" gap="sm" wrap="nowrap" data-testid="announced-box-row">
          <Select
            aria-label={`Brand ${i + 1}`}
            placeholder="Brand"
            data={brands.map((b) => ({ value: b.id, label: b.name }))}
            value={r.brandId}
            onChange={(v) => patch(i, { brandId: v })}
            error={errors[`expectedBoxes.${i}.brandId`]}
            comboboxProps={{ withinPortal: true }}
            style={{ flex: 1 }}
          />
          <TextInput
            aria-label={`Box count ${i + 1}`}
            placeholder="Boxes"
            inputMode="numeric"
            autoComplete="off"
            value={r.count}
            onChange={(e) => patch(i, { count: e.currentTarget.value })}
            error={errors[`expectedBoxes.${i}.count`]}
            w={120}
          />
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={`Remove brand ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            <IconTrash size={18} />
          </ActionIcon>
        </Group>
      ))}
    </>
  );
}
