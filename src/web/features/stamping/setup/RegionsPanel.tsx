import { useState } from 'react';
import { ColorSwatch, Group, Table, Text } from '@mantine/core';
import { DataTable } from '../../../ui/DataTable';
import { QueryState } from '../../../ui/QueryState';
import { useRegions } from './api';
import { SetupCard } from './SetupCard';
import { RegionModal } from './RegionModal';

export function RegionsPanel() {
  const regions = useRegions();
  const [adding, setAdding] = useState(false);
  const rows = regions.data ?? [];
  return (
    <SetupCard description="Each tax region has its own excise stamp; its stock is that region's stamp ledger." addLabel="Add tax region" addTestId="add-region" onAdd={() => setAdding(true)}>
      <QueryState pending={regions.isPending} error={regions.error}>
        <DataTable testId="regions-table" minWidth={480} count={rows.length} empty="No tax regions yet." columns={['Region', 'Code', 'Colour']}>
          {rows.map((r) => (
            <Table.Tr key={r.code} data-testid="region-row" data-code={r.code}>
              <Table.Td fw={600}>{r.name}</Table.Td>
              <Table.Td>{r.code}</Table.Td>
              <Table.Td>
                <Group gap="xs">
                  <ColorSwatch color={`var(--mantine-color-${r.colour}-6)`} size={18} data-testid="region-swatch" />
                  <Text size="sm" c="dimmed">{r.colour}</Text>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </QueryState>
      <RegionModal opened={adding} onClose={() => setAdding(false)} />
    </SetupCard>
  );
}
