import { Button, Select, SimpleGrid, TextInput } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useItemOptions, useVariants } from '../api/catalog';
import { useLocations, useLots } from '../api/places';
import { useGradeOptions } from '../api/grades';
import { locationLabel } from '../line-errors';
import { hasFilters, type LedgerSearch } from './search';
import { DOCUMENT_LABELS } from '../options';

interface Props {
  search: LedgerSearch;
  onChange: (next: LedgerSearch) => void;
}

/** Item (and variant), location, lot, grade, action and a date range; every choice narrows the ledger. */
export function LedgerFilters({ search, onChange }: Props) {
  const items = useItemOptions();
  const variants = useVariants(search.itemId ?? null);
  const locations = useLocations();
  const lots = useLots({ itemId: search.itemId });
  const grades = useGradeOptions();
  const set = (patch: Partial<LedgerSearch>) => {
    const next = { ...search, ...patch };
    for (const k of Object.keys(next) as Array<keyof LedgerSearch>) if (!next[k]) delete next[k];
    onChange(next);
  };
  const variantList = variants.data ?? [];

  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" mb="md" data-testid="ledger-filters">
      <Select
        label="Item"
        placeholder="All items"
        searchable
        clearable
        data={(items.data ?? []).map((i) => ({ value: i.id, label: `${i.code} · ${i.name}` }))}
        value={search.itemId ?? null}
        onChange={(itemId) => set({ itemId: itemId ?? undefined, variantId: undefined, lotId: undefined })}
        data-testid="ledger-item"
      />
      {variantList.length > 1 && (
        <Select
          label="Variant"
          placeholder="All variants"
          searchable
          clearable
          data={variantList.map((v) => ({ value: v.id, label: v.code }))}
          value={search.variantId ?? null}
          onChange={(variantId) => set({ variantId: variantId ?? undefined })}
          data-testid="ledger-variant"
        />
      )}
      <Select
        label="Location"
        placeholder="All locations"
        searchable
        clearable
        data={(locations.data ?? []).map((l) => ({ value: l.id, label: locationLabel(l) }))}
        value={search.locationId ?? null}
        onChange={(locationId) => set({ locationId: locationId ?? undefined })}
        data-testid="ledger-location"
      />
      <Select
        label="Lot"
        placeholder="All lots"
        searchable
        clearable
        data={(lots.data ?? []).map((l) => ({ value: l.id, label: l.code }))}
        value={search.lotId ?? null}
        onChange={(lotId) => set({ lotId: lotId ?? undefined })}
        data-testid="ledger-lot"
      />
      <Select
        label="Grade"
        placeholder="All grades"
        clearable
        data={grades}
        value={search.grade ?? null}
        onChange={(grade) => set({ grade: grade ?? undefined })}
        data-testid="ledger-grade"
      />
      <Select
        label="Action"
        placeholder="All actions"
        clearable
        data={Object.entries(DOCUMENT_LABELS).map(([value, label]) => ({ value, label }))}
        value={search.action ?? null}
        onChange={(action) => set({ action: action ?? undefined })}
        data-testid="ledger-action"
      />
      <TextInput label="From" type="date" value={search.from ?? ''} onChange={(e) => set({ from: e.currentTarget.value || undefined })} data-testid="ledger-from" />
      <TextInput label="To" type="date" value={search.to ?? ''} onChange={(e) => set({ to: e.currentTarget.value || undefined })} data-testid="ledger-to" />
      {hasFilters(search) && (
        <Button variant="subtle" leftSection={<IconFilterOff size={18} />} onClick={() => onChange({})} style={{ alignSelf: 'end' }} data-testid="ledger-clear">
          Clear filters
        </Button>
      )}
    </SimpleGrid>
  );
}
