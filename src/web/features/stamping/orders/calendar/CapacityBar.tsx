import Decimal from '../../../../../contracts/exact-decimal';
import { Group, Progress, Text } from '@mantine/core';
import { formatDecimal, isZero } from '../../../inventory/decimal';
import type { DayDto } from '../api';

/** Booked against the day's cap ("9,000 / 12,000"), and how far over when it is. */
export function CapacityBar({ day }: { day: DayDto }) {
  const cap = new Decimal(day.cap);
  const booked = new Decimal(day.booked);
  // the width only; every figure shown is the server's exact string
  const pct = cap.isZero() ? (booked.isZero() ? 0 : 100) : Decimal.min(booked.div(cap).times(100), 100).toNumber();
  const over = !isZero(day.exceededBy);
  return (
    <div>
      <Progress value={pct} size="sm" radius="sm" color={over ? 'red' : pct >= 90 ? 'orange' : 'teal'} aria-label={`${formatDecimal(day.booked)} of ${formatDecimal(day.cap)} booked`} />
      <Group justify="space-between" gap={4} mt={2} wrap="nowrap">
        <Text size="xs" c="dimmed" data-testid="day-capacity">
          {formatDecimal(day.booked)} / {formatDecimal(day.cap)}
        </Text>
        {over && (
          <Text size="xs" c="red" fw={700} data-testid="day-over">
            +{formatDecimal(day.exceededBy)} over
          </Text>
        )}
      </Group>
    </div>
  );
}
