import { Group, Progress, Text, Tooltip } from '@mantine/core';
import type { StampRegionStockDto } from '../../../../contracts/stamping';
import { formatDecimal, isNegative, isZero } from '../../inventory/decimal';

/**
 * Remaining stamps against what booked POs reserve: the reserved part in the region's colour, the
 * free part lighter, a shortfall striped red. The bar is scaled to the larger of the two.
 */
export function StockBar({ stock }: { stock: StampRegionStockDto }) {
  // widths only: every figure shown is the server's exact string
  const remaining = Math.max(Number(stock.remaining), 0);
  const reserved = Number(stock.reserved);
  const scale = Math.max(remaining, reserved);
  const pct = (n: number) => (scale > 0 ? (n / scale) * 100 : 0);
  const covered = Math.min(reserved, remaining);
  const short = !isZero(stock.shortfall);
  return (
    <>
      <Progress.Root size="lg" radius="sm" data-testid="stamp-bar" aria-label={`${stock.regionName}: remaining against reserved`}>
        <Tooltip label={`Reserved by scheduled POs: ${formatDecimal(stock.reserved)}`}>
          <Progress.Section value={pct(covered)} color={stock.colour} />
        </Tooltip>
        <Tooltip label={`Free: ${formatDecimal(stock.free)}`}>
          <Progress.Section value={pct(remaining - covered)} color={`${stock.colour}.2`} />
        </Tooltip>
        {short && (
          <Tooltip label={`Short: ${formatDecimal(stock.shortfall)}`}>
            <Progress.Section value={pct(reserved - covered)} color="red" striped />
          </Tooltip>
        )}
      </Progress.Root>
      <Group justify="space-between" mt={4}>
        <Text size="xs" c="dimmed">
          Remaining against reserved
        </Text>
        <Text size="xs" c={isNegative(stock.free) ? 'red' : 'dimmed'} data-testid="stamp-free">
          {isNegative(stock.free) ? `Short ${formatDecimal(stock.shortfall)}` : `Free ${formatDecimal(stock.free)}`}
        </Text>
      </Group>
    </>
  );
}
