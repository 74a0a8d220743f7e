import { Badge, Card, Group, SimpleGrid, Text } from '@mantine/core';
import type { StockSummaryDto } from '../../../api/types';
import { formatDecimal, isZero } from '../decimal';

function Stat({ label, value, uom, color, testId }: { label: string; value: string; uom?: string; color?: string; testId: string }) {
  return (
    <Card withBorder radius="lg" padding="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Group gap={6} align="baseline">
        <Text fz={28} fw={700} c={color} data-testid={testId}>
          {value}
        </Text>
        {uom && <Text c="dimmed">{uom}</Text>}
      </Group>
    </Card>
  );
}

/** The item's figures: in stock, in production, defects, delivered, with value and serial count. */
export function ItemStats({ summary }: { summary: StockSummaryDto | null }) {
  if (!summary) {
    return (
      <Text c="dimmed" size="sm">
        This item has no stock history yet.
      </Text>
    );
  }
  const s = summary;
  return (
    <>
      <SimpleGrid cols={{ base: 2, md: 4 }} data-testid="item-stats">
        <Stat label="In stock" value={formatDecimal(s.storeQty)} uom={s.uom} color={s.lowStock ? 'orange' : undefined} testId="stat-store" />
        <Stat label="In production" value={formatDecimal(s.inProductionQty)} uom={s.uom} testId="stat-production" />
        <Stat label="Defects" value={formatDecimal(s.defectQty)} uom={s.uom} color={isZero(s.defectQty) ? undefined : 'red'} testId="stat-defects" />
        <Stat label="Delivered" value={formatDecimal(s.deliveredQty)} uom={s.uom} testId="stat-delivered" />
      </SimpleGrid>
      <Group gap="sm">
        <Text size="sm" c="dimmed">
          Stock value {formatDecimal(s.value)} · {s.totalSerials} serial {s.totalSerials === 1 ? 'unit' : 'units'}
        </Text>
        {s.lowStock && (
          <Badge color="orange" data-testid="low-stock">
            Low stock (threshold {formatDecimal(s.lowStockThreshold)} {s.uom})
          </Badge>
        )}
      </Group>
    </>
  );
}

