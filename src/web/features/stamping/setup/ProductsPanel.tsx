import { useState } from 'react';
import { Badge, Group, Select, Table, Text } from '@mantine/core';
import { DataTable } from '../../../ui/DataTable';
import { QueryState } from '../../../ui/QueryState';
import { useBrands, useProducts } from './api';
import { SetupCard } from './SetupCard';
import { ProductModal } from './ProductModal';

/** Every product variant: 10 mg and 20 mg of one flavour are separate rows, as they are separate stock. */
export function ProductsPanel() {
  const products = useProducts();
  const brands = useBrands();
  const [brandId, setBrandId] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const rows = (products.data ?? []).filter((p) => !brandId || p.brandId === brandId);
  return (
    <SetupCard description="A product is one flavour of one brand; each volume × strength is its own variant." addLabel="Add product" addTestId="add-product" onAdd={() => setAdding(true)}>
      <Group mb="md">
        <Select
          aria-label="Filter by brand"
          placeholder="Every brand"
          clearable
          data={(brands.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
          value={brandId}
          onChange={setBrandId}
          style={{ flex: '0 1 260px' }}
        />
      </Group>
      <QueryState pending={products.isPending} error={products.error}>
        <DataTable testId="products-table" minWidth={720} count={rows.length} empty="No products yet." columns={['Brand', 'Flavour', 'Volume', 'Strength', 'Item code', 'Variant']}>
          {rows.map((p) => (
            <Table.Tr key={p.variantId} data-testid="product-row" data-label={p.label}>
              <Table.Td>{p.brand}</Table.Td>
              <Table.Td fw={600}>{p.flavour}</Table.Td>
              <Table.Td><Badge variant="light" color="blue">{p.volumeMl} mL</Badge></Table.Td>
              <Table.Td><Badge variant="light" color="grape">{p.strengthMg} mg</Badge></Table.Td>
              <Table.Td><Text size="sm" c="dimmed">{p.code}</Text></Table.Td>
              <Table.Td><Text size="sm">{p.label}</Text></Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </QueryState>
      <ProductModal opened={adding} onClose={() => setAdding(false)} />
    </SetupCard>
  );
}
