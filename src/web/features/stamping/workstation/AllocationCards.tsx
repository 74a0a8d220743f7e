import Decimal from '../../../../contracts/exact-decimal';
import { Badge, Card, Group, Progress, Stack, Text } from '@mantine/core';
import { formatDecimal } from '../../inventory/decimal';
import type { PoDto } from '../orders/api';

/**
 * What the run is allocated to, one card per PO line: the variant chip in the header (so a 10mg
 * run is never taken for the 20mg line beside it), the region, and stamped against ordered.
 */
export function AllocationCards({ po }: { po: PoDto }) {
  return (
    <Stack gap="xs" data-testid="allocations">
      {po.lines.map((l) => {
        const stamped = new Decimal(l.stampedQty);
        const over = stamped.gt(l.qty);
        const percent = new Decimal(l.qty).isZero() ? 0 : Decimal.min(stamped.div(l.qty).times(100), 100).toNumber();
        return (
          <Card key={l.id} withBorder radius="md" padding="sm" data-testid="allocation-card" data-variant={l.variantId} data-region={l.regionCode}>
            {/* the variant chip wraps rather than cut: its mL and mg are what tell two lines apart */}
            <Text size="xs" fw={700} c="grape.8" bg="grape.0" px={10} py={4} mb={6} style={{ borderRadius: 'var(--mantine-radius-xl)' }} data-testid="allocation-variant">
              {l.label}
            </Text>
            <Group justify="space-between" gap="xs">
              <Badge color={l.regionColour} variant="filled" size="sm">{l.regionName}</Badge>
              <Text size="sm" fw={650} c={over ? 'red' : undefined} data-testid="allocation-progress">
                {formatDecimal(l.stampedQty)} / {formatDecimal(l.qty)} stamped
              </Text>
            </Group>
            {/* the bar only draws the share; the figures above stay exact */}
            <Progress value={percent} size="sm" radius="xl" color={over ? 'red' : undefined} />
          </Card>
        );
      })}
    </Stack>
  );
}
