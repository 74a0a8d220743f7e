import { Fragment, useState } from 'react';
import { Anchor, Badge, Card, Group, SegmentedControl, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCornerDownRight, IconFlame, IconSearch } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { DataTable } from '../../../ui/DataTable';
import { LoadMore } from '../../../ui/LoadMore';
import { QueryState } from '../../../ui/QueryState';
import { formatDecimal } from '../../inventory/decimal';
import { usePoList, type PoDto, type PoStatus } from './api';
import { shortDay } from './days';
import { RegionBadges, type RegionMap } from './regions';
import { PO_STATUS, PO_STATUS_FILTERS } from './status';

const poLink = (id: string, number: string) => (
  <Anchor size="sm" fw={600} renderRoot={(props) => <Link to="/stamping/orders/$poId" params={{ poId: id }} {...props} />}>
    {number}
  </Anchor>
);

const StatusBadge = ({ status }: { status: PoStatus }) => (
  <Badge size="sm" variant="light" color={PO_STATUS[status].color} data-testid="po-status">{PO_STATUS[status].label}</Badge>
);

/** A PO's row, then one row per segment under it (segments are listed inside their parent). */
function PoRows({ po, regions }: { po: PoDto; regions: RegionMap }) {
  return (
    <>
      <Table.Tr data-testid="po-row" data-number={po.number} data-status={po.status}>
        <Table.Td>{poLink(po.id, po.number)}</Table.Td>
        <Table.Td>
          <Text size="sm">{po.customerName}</Text>
          <Text size="xs" c="dimmed">{po.customerCode}</Text>
        </Table.Td>
        <Table.Td>{po.shipmentNumber}</Table.Td>
        <Table.Td><StatusBadge status={po.status} /></Table.Td>
        <Table.Td>{po.urgent && <IconFlame size={16} color="var(--mantine-color-red-6)" aria-label="Urgent" />}</Table.Td>
        <Table.Td data-testid="po-row-day">{po.day ? shortDay(po.day) : po.segments.length ? `${po.segments.length} segments` : '—'}</Table.Td>
        <Table.Td ta="right" fw={600}>{formatDecimal(po.totalQty)}</Table.Td>
        <Table.Td><RegionBadges codes={po.regions} regions={regions} size="xs" /></Table.Td>
      </Table.Tr>
      {po.segments.map((s) => (
        <Table.Tr key={s.id} data-testid="po-segment-row" data-number={s.number}>
          <Table.Td pl="lg">
            <Group gap={4} wrap="nowrap">
              <IconCornerDownRight size={14} color="var(--mantine-color-dimmed)" />
              {poLink(s.id, s.number)}
            </Group>
          </Table.Td>
          <Table.Td />
          <Table.Td />
          <Table.Td><StatusBadge status={s.status} /></Table.Td>
          <Table.Td />
          <Table.Td>{s.day ? shortDay(s.day) : '—'}</Table.Td>
          <Table.Td ta="right">{formatDecimal(s.qty)}</Table.Td>
          <Table.Td />
        </Table.Tr>
      ))}
    </>
  );
}

/** Every PO, newest first, with a status filter and a search on PO or shipment number. */
export function OrdersTable({ regions }: { regions: RegionMap }) {
  const [status, setStatus] = useState('all');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const list = usePoList({ status: status === 'all' ? undefined : (status as PoStatus), q: q || undefined });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card withBorder radius="lg" padding="md">
      <Group justify="space-between" mb="md" wrap="wrap" gap="sm">
        <Title order={4}>Production orders</Title>
        <Group gap="sm" wrap="wrap">
          <TextInput
            placeholder="Search PO or shipment number"
            aria-label="Search production orders"
            leftSection={<IconSearch size={18} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={260}
            data-testid="po-search"
          />
          <SegmentedControl data={PO_STATUS_FILTERS} value={status} onChange={setStatus} data-testid="po-status-filter" />
        </Group>
      </Group>
      <QueryState pending={list.isPending} error={list.error}>
        <DataTable testId="po-table" minWidth={980} count={rows.length} empty="No production orders match."
          columns={['PO', 'Consignee', 'Shipment', 'Status', 'Urgent', 'Day', { label: 'Qty', align: 'right' }, 'Regions']}>
          {rows.map((po) => (
            <Fragment key={po.id}>
              <PoRows po={po} regions={regions} />
            </Fragment>
          ))}
        </DataTable>
        <LoadMore hasMore={Boolean(list.hasNextPage)} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} />
      </QueryState>
    </Card>
  );
}
