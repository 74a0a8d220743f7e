import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, SegmentedControl, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useCan } from '../../../auth/me';
import { DataTable } from '../../../ui/DataTable';
import { LoadMore } from '../../../ui/LoadMore';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryState } from '../../../ui/QueryState';
import { formatDateTime } from '../../../ui/format';
import { formatIsoDay } from './format';
import { useConsignees } from '../setup/api';
import { useShipments, type ShipmentStatus } from './api';
import { SHIPMENT_STATUS, STATUS_FILTERS } from './status';
import { NewShipmentModal } from './NewShipmentModal';

/** Consignees' shipments, newest first: announced, being received box by box, inventoried. */
export function ShipmentsPage() {
  const can = useCan();
  const [status, setStatus] = useState('all');
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [creating, setCreating] = useState(false);
  const consignees = useConsignees();
  const shipments = useShipments({
    status: status === 'all' ? undefined : (status as ShipmentStatus),
    customerId: customerId ?? undefined,
    q: q || undefined,
  });
  const rows = shipments.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title="Shipments"
        description="Goods consignees send in to be stamped: packing list, boxes per brand, and what arrived good, damaged or missing."
        actions={can('stamping.plan') && (
          <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)} data-testid="new-shipment">
            New shipment
          </Button>
        )}
      />
      <Card withBorder radius="lg" padding="md">
        <Group mb="md" wrap="wrap">
          <SegmentedControl data={STATUS_FILTERS} value={status} onChange={setStatus} data-testid="shipment-status-filter" />
          <Select
            aria-label="Consignee"
            placeholder="Every consignee"
            clearable
            searchable
            data={(consignees.data ?? []).map((c) => ({ value: c.customerId, label: c.name }))}
            value={customerId}
            onChange={setCustomerId}
            style={{ flex: '0 1 240px' }}
          />
          <TextInput
            placeholder="Search number or reference"
            aria-label="Search shipments"
            leftSection={<IconSearch size={18} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            style={{ flex: '1 1 220px' }}
          />
        </Group>
        <QueryState pending={shipments.isPending} error={shipments.error}>
          <DataTable testId="shipments-table" minWidth={900} count={rows.length} empty="No shipments match."
            columns={['Shipment', 'Consignee', 'Reference', 'Status', 'Expected', 'Boxes', 'Brands', 'Created']}>
            {rows.map((s) => (
              <Table.Tr key={s.id} data-testid="shipment-row" data-number={s.number} data-status={s.status}>
                <Table.Td>
                  <Anchor fw={600} renderRoot={(props) => <Link to="/stamping/shipments/$shipmentId" params={{ shipmentId: s.id }} {...props} />}>
                    {s.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>{s.customerName}</Table.Td>
                <Table.Td>{s.reference ?? '—'}</Table.Td>
                <Table.Td>
                  <Badge color={SHIPMENT_STATUS[s.status].color} variant="light">{SHIPMENT_STATUS[s.status].label}</Badge>
                </Table.Td>
                <Table.Td>{formatIsoDay(s.expectedOn)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{s.boxesReceived} received</Text>
                  {s.boxesExpected > 0 && <Text size="xs" c="dimmed">{s.boxesExpected} expected</Text>}
                </Table.Td>
                <Table.Td><Text size="sm">{s.brands.join(', ') || '—'}</Text></Table.Td>
                <Table.Td><Text size="sm" c="dimmed">{formatDateTime(s.createdAt)}</Text></Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
          <LoadMore hasMore={shipments.hasNextPage} loading={shipments.isFetchingNextPage} onLoad={() => void shipments.fetchNextPage()} />
        </QueryState>
      </Card>
      {can('stamping.plan') && <NewShipmentModal opened={creating} onClose={() => setCreating(false)} />}
    </>
  );
}
