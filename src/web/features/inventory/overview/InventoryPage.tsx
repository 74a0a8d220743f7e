import { useState } from 'react';
import { Card, Group, SegmentedControl, Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useCan } from '../../../auth/me';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryState } from '../../../ui/QueryState';
import { useStockSummary } from '../api/stock';
import { InventoryTabs } from '../InventoryTabs';
import { KIND_FILTERS } from '../options';
import { AdjustmentModal } from '../dialogs/AdjustmentModal';
import type { ItemRef } from '../dialogs/use-key-form';
import { ProductCard } from './ProductCard';

/** Product cards: what is in store, in production, defective and delivered, per item. */
export function InventoryPage() {
  const can = useCan();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [kind, setKind] = useState('all');
  const [category, setCategory] = useState<string | null>(null);
  const [available, setAvailable] = useState<'true' | 'false'>('true');
  const [adjusting, setAdjusting] = useState<ItemRef | null>(null);
  const summary = useStockSummary({ q: q || undefined, kind: kind === 'all' ? undefined : kind, category: category ?? undefined, available });
  const cards = summary.data?.items ?? [];
  // the product type (category, such as PCB or Panel) stays offered while it is picked
  const categories = [...new Set([...(summary.data?.categories ?? []), ...(category ? [category] : [])])].sort((a, b) => a.localeCompare(b));

  return (
    <>
      <PageHeader title="Inventory" description="Stock by item, from the ledger: store, production, defects and deliveries." />
      <InventoryTabs />
      <Card withBorder radius="lg" padding="md" mb="lg">
        <Group gap="sm" wrap="wrap">
          <SegmentedControl
            data={[
              { value: 'true', label: 'Available stock' },
              { value: 'false', label: 'All historical' },
            ]}
            value={available}
            onChange={(v) => setAvailable(v as 'true' | 'false')}
            data-testid="stock-availability"
          />
          <SegmentedControl data={KIND_FILTERS} value={kind} onChange={setKind} data-testid="stock-kind" />
          <Select
            placeholder="All types"
            aria-label="Product type"
            data={categories}
            value={category}
            onChange={setCategory}
            clearable
            clearButtonProps={{ 'data-testid': 'stock-category-clear' } as Record<string, string>}
            disabled={categories.length === 0}
            w={180}
            data-testid="stock-category"
          />
          <TextInput
            placeholder="Search code or name"
            aria-label="Search items"
            leftSection={<IconSearch size={18} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            style={{ flex: '1 1 220px' }}
            data-testid="stock-search"
          />
        </Group>
      </Card>
      <QueryState pending={summary.isPending} error={summary.error}>
        {cards.length === 0 ? (
          <Text c="dimmed" ta="center" py="xl">
            {available === 'true' ? 'No item has stock in store that matches.' : 'No item matches.'}
          </Text>
        ) : (
          <SimpleGrid type="container" cols={{ base: 1, '580px': 2, '900px': 3 }} data-testid="stock-cards">
            {cards.map((c) => (
              <ProductCard
                key={c.itemId}
                card={c}
                canAdjust={can('inventory.adjust')}
                onAdjust={() => setAdjusting({ id: c.itemId, code: c.itemCode, name: c.itemName, uom: c.uom })}
              />
            ))}
          </SimpleGrid>
        )}
      </QueryState>
      {can('inventory.adjust') && <AdjustmentModal item={adjusting} onClose={() => setAdjusting(null)} />}
    </>
  );
}
