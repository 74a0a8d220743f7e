import { useState } from 'react';
import { Table, Text } from '@mantine/core';
import { DataTable } from '../../../ui/DataTable';
import { QueryState } from '../../../ui/QueryState';
import { useConsignees } from './api';
import { SetupCard } from './SetupCard';
import { ConsigneeModal } from './ConsigneeModal';

export function ConsigneesPanel() {
  const consignees = useConsignees();
  const [adding, setAdding] = useState(false);
  const rows = consignees.data ?? [];
  return (
    <SetupCard description="Customers whose goods are stamped here; their units sit in a stock location of their own." addLabel="Set up customer as consignee" addTestId="add-consignee" onAdd={() => setAdding(true)}>
      <QueryState pending={consignees.isPending} error={consignees.error}>
        <DataTable testId="consignees-table" minWidth={520} count={rows.length} empty="No consignees yet." columns={['Customer', 'Code', 'Stock location']}>
          {rows.map((c) => (
            <Table.Tr key={c.customerId} data-testid="consignee-row" data-code={c.code}>
              <Table.Td fw={600}>{c.name}</Table.Td>
              <Table.Td>{c.code}</Table.Td>
              <Table.Td><Text size="sm" ff="monospace">{c.locationCode}</Text></Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </QueryState>
      <ConsigneeModal opened={adding} taken={rows.map((c) => c.customerId)} onClose={() => setAdding(false)} />
    </SetupCard>
  );
}
