import { Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { formatDecimal, isNegative } from '../../inventory/decimal';
import type { RegionCounter } from './api';

/** Per region, the stamps confirmed on the day and what the ledger has left (red when negative). */
export function DayCounters({ regions, caption }: { regions: RegionCounter[]; caption: string }) {
  return (
    <Stack gap={6}>
      <Text size="sm" c="dimmed">{caption}</Text>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: Math.max(3, Math.min(regions.length, 6)) }} spacing="sm" data-testid="day-counters">
        {regions.map((r) => (
          <Card key={r.regionCode} withBorder radius="md" padding="sm" data-testid="day-counter" data-region={r.regionCode}
            style={{ borderTop: `4px solid var(--mantine-color-${r.colour}-6)` }}>
            <Text fw={700} c={`${r.colour}.8`} truncate title={r.name}>{r.name}</Text>
            <Group gap={6} align="baseline" wrap="nowrap">
              <Text fw={750} size="xl" data-testid="counter-stamped">{formatDecimal(r.stampedToday)}</Text>
              <Text size="xs" c="dimmed">stamped</Text>
            </Group>
            <Group gap={6} align="baseline" wrap="nowrap">
              <Text fw={650} c={isNegative(r.remaining) ? 'red.7' : undefined} data-testid="counter-remaining" data-negative={isNegative(r.remaining)}>
                {formatDecimal(r.remaining)}
              </Text>
              <Text size="xs" c="dimmed">left</Text>
            </Group>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
