import { DataTable } from '../../../ui/DataTable';
import { useMemo, useState } from 'react';
import { Button, Card, Group, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconRoute, IconSearch } from '@tabler/icons-react';
import { useCan } from '../../../auth/me';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryState } from '../../../ui/QueryState';
import { useItemOptions } from '../api/catalog';
import { useLots } from '../api/places';
import { InventoryTabs } from '../InventoryTabs';
import { ExpiryBadge } from './ExpiryBadge';
import { CreateLotModal } from './CreateLotModal';
import { TraceDrawer } from './TraceDrawer';
import { EXPIRY_WARNING_DAYS, expiryState } from './expiry';

/** Lots, earliest expiry first; expired and soon-expiring ones stand out. */
export function LotsPage() {
  const can = useCan();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [creating, setCreating] = useState(false);
  const [tracing, setTracing] = useState<{ id: string; code: string } | null>(null);
  const lots = useLots({ q: q || undefined });
  const items = useItemOptions();
  const itemCode = useMemo(() => new Map((items.data ?? []).map((i) => [i.id, i.code])), [items.data]);
  const rows = lots.data ?? [];

  return (
    <>
      <PageHeader
        title="Inventory"
        description={`Lots and batches with their expiry: expired in red, expiring within ${EXPIRY_WARNING_DAYS} days in orange.`}
        actions={
          can('inventory.post') && (
            <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)} data-testid="new-lot">
              New lot
            </Button>
          )
        }
      />
      <InventoryTabs />
      <Card withBorder radius="lg" padding="md">
        <Group mb="md">
          <TextInput
            placeholder="Search lot code"
            aria-label="Search lots"
            leftSection={<IconSearch size={18} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            style={{ flex: '1 1 260px' }}
          />
        </Group>
        <QueryState pending={lots.isPending} error={lots.error}>
          <DataTable testId="lots-table" minWidth={720} count={rows.length} empty="No lots match."
            columns={['Lot', 'Item', 'Variant', 'Expires', 'Supplier', 'Received', 'Note', '']}>
                  {rows.map((l) => (
                    <Table.Tr key={l.id} data-testid="lot-row" data-code={l.code} data-expiry={expiryState(l.expiryDate)}>
                      <Table.Td fw={600}>{l.code}</Table.Td>
                      <Table.Td>{(l.itemId && itemCode.get(l.itemId)) ?? '—'}</Table.Td>
                      <Table.Td data-testid="lot-variant">{l.variantCode ?? (l.itemId ? 'any' : '—')}</Table.Td>
                      <Table.Td>
                        <ExpiryBadge date={l.expiryDate} />
                      </Table.Td>
                      <Table.Td>{l.supplier ?? '—'}</Table.Td>
                      <Table.Td>{l.receivedDate ?? '—'}</Table.Td>
                      <Table.Td>
                        <Text size="sm" c="dimmed" lineClamp={2}>
                          {l.note ?? ''}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Button size="xs" variant="subtle" leftSection={<IconRoute size={16} />} onClick={() => setTracing({ id: l.id, code: l.code })} data-testid="trace-lot">
                          Trace
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
          </DataTable>
        </QueryState>
      </Card>
      <TraceDrawer lot={tracing} onClose={() => setTracing(null)} />
      {can('inventory.post') && <CreateLotModal opened={creating} onClose={() => setCreating(false)} />}
    </>
  );
}
