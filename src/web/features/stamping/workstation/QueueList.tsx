import { Badge, Box, Card, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconFlame } from '@tabler/icons-react';
import { formatDecimal } from '../../inventory/decimal';
import { formatIsoDay } from '../shipments/format';
import { regionStripe, useRegionMap } from '../orders/regions';
import { PO_STATUS } from '../orders/status';
import type { QueuePo } from './api';

/** The day's POs in queue order (drag sequence, then booking time); a click picks one. */
export function QueueList({ day, queue, selectedId, onSelect }: { day: string; queue: QueuePo[]; selectedId: string | null; onSelect: (id: string) => void }) {
  const regions = useRegionMap();
  return (
    <Card withBorder radius="lg" padding="md">
      <Title order={4} mb="sm">Queue · {formatIsoDay(day)}</Title>
      {queue.length === 0 ? (
        <Text c="dimmed" size="sm">Nothing is booked on this day.</Text>
      ) : (
        <Stack gap={6} data-testid="ws-queue">
          {queue.map((po, i) => (
            <UnstyledButton key={po.id} onClick={() => onSelect(po.id)} data-testid="ws-queue-po" data-number={po.number} data-status={po.status}
              aria-current={po.id === selectedId}
              style={{ borderRadius: 'var(--mantine-radius-md)', padding: '8px 12px', background: po.id === selectedId ? 'var(--mantine-color-indigo-0)' : 'var(--mantine-color-gray-0)' }}>
              <Group justify="space-between" wrap="nowrap">
                <Group gap="xs" wrap="nowrap">
                  <Box w={6} h={28} style={{ background: regionStripe(regions, po.regions), borderRadius: 3 }} />
                  <Text c="dimmed" size="sm" w={20}>{i + 1}</Text>
                  <Text fw={650}>{po.number}</Text>
                  <Text size="sm" c="dimmed">{po.customerCode}</Text>
                  {po.urgent && <IconFlame size={16} color="var(--mantine-color-red-6)" aria-label="Urgent" />}
                  {po.bookedDay < day && <Badge size="xs" variant="outline" color="gray" data-testid="ws-carried-over">from {formatIsoDay(po.bookedDay)}</Badge>}
                </Group>
                <Group gap="xs" wrap="nowrap">
                  <Text size="sm">{formatDecimal(po.qty)}</Text>
                  <Badge size="sm" variant="light" color={PO_STATUS[po.status].color}>{PO_STATUS[po.status].label}</Badge>
                </Group>
              </Group>
            </UnstyledButton>
          ))}
        </Stack>
      )}
    </Card>
  );
}
