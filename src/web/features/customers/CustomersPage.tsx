import { DataTable } from '../../ui/DataTable';
import { useState } from 'react';
import { Anchor, Badge, Button, Card, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useCan } from '../../auth/me';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { LoadMore } from '../../ui/LoadMore';
import { useCustomers } from './api';
import { CustomerModal } from './CustomerModal';

export function CustomersPage() {
  const can = useCan();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [creating, setCreating] = useState(false);
  const customers = useCustomers(q);
  const rows = customers.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title="Customers"
        description="Customer accounts and the people of theirs who may sign in."
        actions={
          can('customers.manage') && (
            <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)} data-testid="new-customer">
              New customer
            </Button>
          )
        }
      />
      <Card withBorder radius="lg" padding="md">
        <TextInput
          mb="md"
          placeholder="Search name or code"
          aria-label="Search customers"
          leftSection={<IconSearch size={18} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
        <QueryState pending={customers.isPending} error={customers.error}>
          <DataTable testId="customers-table" minWidth={680} count={rows.length} empty="No customers match."
            columns={['Customer', 'Code', 'Contact', 'Users', 'Status']}>
                  {rows.map((c) => (
                    <Table.Tr key={c.id} data-testid="customer-row" data-code={c.code}>
                      <Table.Td>
                        <Anchor fw={600} renderRoot={(props) => <Link to="/customers/$customerId" params={{ customerId: c.id }} {...props} />}>
                          {c.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{c.code}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{c.email ?? '—'}</Text>
                        {c.phone && (
                          <Text size="xs" c="dimmed">
                            {c.phone}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{c.userCount}</Table.Td>
                      <Table.Td>
                        <Badge color={c.active ? 'teal' : 'gray'} variant="light">
                          {c.active ? 'Active' : 'Inactive'}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
          </DataTable>
          <LoadMore hasMore={customers.hasNextPage} loading={customers.isFetchingNextPage} onLoad={() => void customers.fetchNextPage()} />
        </QueryState>
      </Card>
      <CustomerModal opened={creating} customer={null} onClose={() => setCreating(false)} />
    </>
  );
}
