import { Alert, Badge, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { StampRegionStockDto } from '../../../../contracts/stamping';
import { formatDecimal, isZero } from '../../inventory/decimal';
import { StockBar } from './StockBar';

function Figure({ label, value, testId, strong }: { label: string; value: string; testId: string; strong?: boolean }) {
  return (
    <Stack gap={0} px="xs" py={6} bg="gray.0" style={{ borderRadius: 'var(--mantine-radius-md)' }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size={strong ? 'lg' : 'sm'} fw={strong ? 750 : 650} data-testid={testId}>
        {formatDecimal(value)}
      </Text>
    </Stack>
  );
}

/** One region's stamp ledger and the demand of the POs booked against it. */
export function RegionStockCard({ stock, horizonDays }: { stock: StampRegionStockDto; horizonDays: number }) {
  const short = !isZero(stock.shortfall);
  return (
    <Card
      withBorder
      radius="lg"
      padding="lg"
      data-testid="stamp-region-card"
      data-region={stock.regionCode}
      style={{ borderTop: `4px solid var(--mantine-color-${stock.colour}-6)` }}
    >
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Text fw={700} size="lg">
          {stock.regionName}
        </Text>
        {stock.warning ? (
          <Badge color="red" variant="filled" leftSection={<IconAlertTriangle size={14} />}>
            Re-order
          </Badge>
        ) : (
          short && (
            <Badge color="orange" variant="light">
              Short for booked POs
            </Badge>
          )
        )}
      </Group>
      <SimpleGrid cols={3} spacing={6} mb="md">
        <Figure label="Received" value={stock.received} testId="stamp-received" />
        <Figure label="Used" value={stock.used} testId="stamp-used" />
        <Figure label="Remaining" value={stock.remaining} testId="stamp-remaining" strong />
      </SimpleGrid>
      <StockBar stock={stock} />
      <Group justify="space-between" mt="sm">
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            Reserved by booked POs
          </Text>
          <Text size="sm" fw={650} data-testid="stamp-reserved">
            {formatDecimal(stock.reserved)}
          </Text>
        </Stack>
        <Stack gap={0} align="flex-end">
          <Text size="xs" c="dimmed">
            Due within {horizonDays} days
          </Text>
          <Text size="sm" fw={650} data-testid="stamp-scheduled">
            {formatDecimal(stock.scheduledDemand)}
          </Text>
        </Stack>
      </Group>
      {stock.warning && (
        <Alert mt="md" color="red" variant="light" icon={<IconAlertTriangle />} title="Not enough stamps" data-testid="stamp-warning">
          {stock.warning}
        </Alert>
      )}
    </Card>
  );
}
