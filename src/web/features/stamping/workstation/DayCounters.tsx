import { Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { formatDecimal, isNegative } from '../../inventory/decimal';
import type { RegionCounter } from './api';

/** Per region, the stamps confirmed on the day and what the ledger has left (red when negative). */
export function DayCounters({ regions, caption }: { regions: RegionCounter[]; caption: string }) {
  return (
    <Stack gap={6}>
      <Text size="sm" c="dimmed">{caption}</Text>
      {/* as many per row as the width holds: a 1024 px station screen keeps five regions on one row
          and the scan box in view; a figure too wide for its card puts its label under it */}
      <SimpleGrid minColWidth={124} autoFlow="auto-fit" spacing="xs" data-testid="day-counters">
        {regions.map((r) => (
          <Card key={r.regionCode} withBorder radius="md" padding="sm" data-testid="day-counter" data-region={r.regionCode}
            style={{ borderTop: `4px solid var(--mantine-color-${r.colour}-6)` }}>
            <Text fw={700} c={`${r.colour}.8`} truncate title={r.name}>{r.name}</Text>
            <Group gap={6} align="baseline" style={{ rowGap: 0 }}>
              <Text fw={750} size="xl" data-testid="counter-stamped">{formatDecimal(r.stampedToday)}</Text>
              <Text size="xs" c="dimmed">stamped</Text>
            </Group>
            <Group gap={6} align="baseline" style={{ rowGap: 0 }}>
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
