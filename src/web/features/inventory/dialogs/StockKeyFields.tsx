import { useEffect } from 'react';
import { Group, Select, SimpleGrid, Text } from '@mantine/core';
import { useItemOptions, useVariants } from '../api/catalog';
import { useLocations, useLots } from '../api/places';
import { useGradeOptions } from '../api/grades';
import { locationLabel } from '../line-errors';

/** Where stock sits: one ledger key (item → variant, location, lot, grade). */
export interface KeyValue {
  itemId: string | null;
  variantId: string | null;
  locationId: string | null;
  lotId: string | null;
  grade: string;
}

interface Props {
  value: KeyValue;
  onChange: (patch: Partial<KeyValue>) => void;
  errors: Record<string, string>;
  /** Offer an item picker (a dialog opened without an item). */
  pickItem?: boolean;
}

const portal = { withinPortal: true };

function LotOption({ code, expiry }: { code: string; expiry: string | null }) {
  return (
    <Group justify="space-between" gap="md" wrap="nowrap" w="100%">
      <Text size="sm">{code}</Text>
      {expiry && (
        <Text size="xs" c="dimmed">
          expires {expiry}
        </Text>
      )}
    </Group>
  );
}

/** The pickers of a stock key; the variant picker shows only for items with several variants. */
export function StockKeyFields({ value, onChange, errors, pickItem = false }: Props) {
  const items = useItemOptions(pickItem);
  const variants = useVariants(value.itemId);
  const locations = useLocations();
  const lots = useLots({ itemId: value.itemId ?? undefined }, value.itemId !== null);
  const grades = useGradeOptions();
  const variantList = variants.data ?? [];
  const only = variantList.length === 1 ? variantList[0]!.id : null;

  useEffect(() => {
    if (only && value.variantId !== only) onChange({ variantId: only });
  }, [only, value.variantId, onChange]);

  const lotList = (lots.data ?? []).filter((l) => l.variantId === null || l.variantId === value.variantId);
  const lotOptions = lotList.map((l) => ({ value: l.id, label: l.code }));
  const expiryOf = new Map(lotList.map((l) => [l.id, l.expiryDate]));

  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }}>
      {pickItem && (
        <Select
          label="Item"
          required
          searchable
          placeholder="Choose the item"
          data={(items.data ?? []).map((i) => ({ value: i.id, label: `${i.code} · ${i.name}` }))}
          value={value.itemId}
          onChange={(itemId) => onChange({ itemId, variantId: null, lotId: null })}
          error={errors.itemId}
          comboboxProps={portal}
          data-testid="key-item"
        />
      )}
      {variantList.length > 1 && (
        <Select
          label="Variant"
          required
          searchable
          placeholder="Choose the variant"
          data={variantList.map((v) => ({ value: v.id, label: v.code }))}
          value={value.variantId}
          onChange={(variantId) => onChange({ variantId, lotId: null })}
          error={errors.variantId}
          comboboxProps={portal}
          data-testid="key-variant"
        />
      )}
      {value.itemId && variants.isSuccess && variantList.length === 0 && (
        <Text size="sm" c="dimmed">
          This item has no variants yet.
        </Text>
      )}
      <Select
        label="Location"
        required
        searchable
        placeholder="Choose the location"
        data={(locations.data ?? []).filter((l) => l.active).map((l) => ({ value: l.id, label: locationLabel(l) }))}
        value={value.locationId}
        onChange={(locationId) => onChange({ locationId })}
        error={errors.locationId}
        comboboxProps={portal}
        data-testid="key-location"
      />
      <Select
        label="Lot"
        placeholder={lotOptions.length ? 'No lot' : 'No lots for this item'}
        clearable
        searchable
        data={lotOptions}
        renderOption={({ option }) => <LotOption code={option.label} expiry={expiryOf.get(option.value) ?? null} />}
        value={value.lotId}
        onChange={(lotId) => onChange({ lotId })}
        error={errors.lotId}
        comboboxProps={portal}
        data-testid="key-lot"
      />
      <Select
        label="Grade"
        required
        allowDeselect={false}
        data={grades}
        value={value.grade}
        onChange={(grade) => onChange({ grade: grade ?? 'good' })}
        error={errors.grade}
        comboboxProps={portal}
        data-testid="key-grade"
      />
    </SimpleGrid>
  );
}
