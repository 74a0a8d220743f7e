import { useMemo, useState } from 'react';
import { Button, Card, Group, SegmentedControl, Select, SimpleGrid, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useCan } from '../../../auth/me';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryState } from '../../../ui/QueryState';
import { LoadMore } from '../../../ui/LoadMore';
import { useStampOrders, useStampStock, type StampOrderStatus } from './api';
import { RegionStockCard } from './RegionStockCard';
import { StampOrdersTable } from './StampOrdersTable';
import { NewStampOrderModal } from './NewStampOrderModal';

const HORIZONS = ['7', '14', '28'];
const STATUSES = [
  { value: 'all', label: 'All' },
  { value: 'ordered', label: 'Ordered' },
  { value: 'received', label: 'Received' },
  { value: 'cancelled', label: 'Cancelled' },
];

/** Stamp stock per region against the demand of booked POs, and the stamp orders that feed it. */
export function StampsPage() {
  const can = useCan();
  const canManage = can('stamping.manage');
  const [horizon, setHorizon] = useState('7');
  const [status, setStatus] = useState('all');
  const [regionCode, setRegionCode] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const stock = useStampStock(Number(horizon));
  const orders = useStampOrders({ status: status === 'all' ? undefined : (status as StampOrderStatus), regionCode: regionCode ?? undefined });
  const regions = stock.data ?? [];
  const colours = useMemo(() => new Map(regions.map((r) => [r.regionCode, r.colour])), [regions]);
  const rows = orders.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title="Stamp inventory"
        description="The stamp ledger per tax region, against what booked production orders will need. Re-order before the run, not the morning of."
        actions={
          canManage && (
            <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)} data-testid="new-stamp-order">
              New stamp order
            </Button>
          )
        }
      />
      <Group justify="flex-end" mb="sm" gap="xs">
        <Text size="sm" c="dimmed">
          Demand due within (overdue included)
        </Text>
        <SegmentedControl size="xs" data={HORIZONS.map((h) => ({ value: h, label: `${h} days` }))} value={horizon} onChange={setHorizon} data-testid="stamp-horizon" />
      </Group>
      <QueryState pending={stock.isPending} error={stock.error}>
        {regions.length === 0 ? (
          <Text c="dimmed" ta="center" py="xl">
            No tax regions yet. Add them under stamping setup.
          </Text>
        ) : (
          <SimpleGrid type="container" cols={{ base: 1, '580px': 2, '900px': 3, '1300px': 5 }} mb="xl" data-testid="stamp-region-cards">
            {regions.map((r) => (
              <RegionStockCard key={r.regionCode} stock={r} horizonDays={Number(horizon)} />
            ))}
          </SimpleGrid>
        )}
      </QueryState>
      <Card withBorder radius="lg" padding="md">
        <Group justify="space-between" mb="md" wrap="wrap" gap="sm">
          <Title order={4}>Stamp orders</Title>
          <Group gap="sm">
            <Select
              placeholder="Every region"
              aria-label="Region"
              clearable
              data={regions.map((r) => ({ value: r.regionCode, label: r.regionName }))}
              value={regionCode}
              onChange={setRegionCode}
              w={180}
              data-testid="stamp-orders-region"
            />
            <SegmentedControl data={STATUSES} value={status} onChange={setStatus} data-testid="stamp-orders-status" />
          </Group>
        </Group>
        <QueryState pending={orders.isPending} error={orders.error}>
          <StampOrdersTable orders={rows} colours={colours} canManage={canManage} />
          <LoadMore hasMore={Boolean(orders.hasNextPage)} loading={orders.isFetchingNextPage} onLoad={() => void orders.fetchNextPage()} />
        </QueryState>
      </Card>
      {canManage && <NewStampOrderModal opened={creating} onClose={() => setCreating(false)} />}
    </>
  );
}
