import { ActionIcon, Group, Select, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { ProductVariantDto } from '../setup/api';

export interface PackingRow {
  key: string;
  variantId: string | null;
  qty: string;
}

/** Options read "Flavour — Brand · 30mL · 20mg", so 10 mg and 20 mg are never confused. */
export const productOptions = (products: ProductVariantDto[]) => products.map((p) => ({ value: p.variantId, label: p.label }));

export function PackingListRows({ rows, onChange, products, errors }: {
  rows: PackingRow[];
  onChange: (rows: PackingRow[]) => void;
  products: ProductVariantDto[];
  errors: Record<string, string>;
}) {
  const patch = (i: number, p: Partial<PackingRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...p } : r)));
  return (
    <>
      {rows.map((r, i) => (
        <Group key={r.key} align="flex-start" gap="sm" wrap="nowrap" data-testid="packing-row">
          <Select
            aria-label={`Product ${i + 1}`}
            placeholder="Product"
            searchable
            data={productOptions(products)}
            value={r.variantId}
            onChange={(v) => patch(i, { variantId: v })}
            error={errors[`packingList.${i}.variantId`]}
            comboboxProps={{ withinPortal: true }}
            style={{ flex: 1 }}
          />
          <TextInput
            aria-label={`Quantity ${i + 1}`}
            placeholder="Qty"
            inputMode="decimal"
            autoComplete="off"
            value={r.qty}
            onChange={(e) => patch(i, { qty: e.currentTarget.value })}
            error={errors[`packingList.${i}.qty`]}
            w={120}
          />
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={`Remove product ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            <IconTrash size={18} />
          </ActionIcon>
        </Group>
      ))}
    </>
  );
}
