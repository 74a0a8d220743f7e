import { useState } from 'react';
import { Badge, Table } from '@mantine/core';
import { DataTable } from '../../../ui/DataTable';
import { QueryState } from '../../../ui/QueryState';
import { useBrands } from './api';
import { SetupCard } from './SetupCard';
import { BrandModal } from './BrandModal';

export function BrandsPanel() {
  const brands = useBrands();
  const [adding, setAdding] = useState(false);
  const rows = brands.data ?? [];
  return (
    <SetupCard description="Brands number their boxes independently: Orbito #10 and Linvo #10 are different boxes." addLabel="Add brand" addTestId="add-brand" onAdd={() => setAdding(true)}>
      <QueryState pending={brands.isPending} error={brands.error}>
        <DataTable testId="brands-table" minWidth={480} count={rows.length} empty="No brands yet." columns={['Brand', 'Code', 'Status']}>
          {rows.map((b) => (
            <Table.Tr key={b.id} data-testid="brand-row" data-code={b.code}>
              <Table.Td fw={600}>{b.name}</Table.Td>
              <Table.Td>{b.code}</Table.Td>
              <Table.Td>
                <Badge color={b.active ? 'teal' : 'gray'} variant="light">{b.active ? 'Active' : 'Inactive'}</Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </QueryState>
      <BrandModal opened={adding} onClose={() => setAdding(false)} />
    </SetupCard>
  );
}
