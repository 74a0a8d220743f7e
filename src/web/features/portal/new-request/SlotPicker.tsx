import { Chip, Group, Stack, Text } from '@mantine/core';
import Decimal from '../../../../contracts/exact-decimal';
import { formatDecimal } from '../../inventory/decimal';
import { shortDay, weekdayName } from '../../stamping/orders/days';
import type { SlotDto } from '../api';

/**
 * Production days on offer (working days with free capacity) as chips; one is chosen. A day with
 * less room than the request's `units` is still offered (the plant may split the order over the
 * following days) but marked, so the customer sees which days take it whole.
 */
export function SlotPicker({ slots, units, value, onChange, error, loading }: {
  slots: SlotDto[];
  units: Decimal;
  value: string | null;
  onChange: (day: string) => void;
  error?: string;
  loading?: boolean;
}) {
  const shortNote = chosenShort(slots, value, units);
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>Production date <Text span c="red">*</Text></Text>
      <Text size="xs" c="dimmed">Only working days with free capacity on the stamping line are offered.</Text>
      {!loading && slots.length === 0 && <Text size="sm" c="dimmed">No production days are open in the next four weeks.</Text>}
      <Chip.Group multiple={false} value={value ?? ''} onChange={(v) => onChange(v as string)}>
        <Group gap={6} data-testid="slot-picker">
          {slots.map((s) => {
            const short = units.gt(s.free);
            return (
              <Chip key={s.day} value={s.day} size="sm" variant="outline" color={short ? 'orange' : undefined}
                wrapperProps={{ 'data-testid': 'slot', 'data-day': s.day, 'data-short': short || undefined, title: `${formatDecimal(s.free)} units free` }}>
                {weekdayName(s.day)} {shortDay(s.day)}{short && ` · ${formatDecimal(s.free)} free`}
              </Chip>
            );
          })}
        </Group>
      </Chip.Group>
      {shortNote && <Text size="xs" c="orange.8" data-testid="slot-short">{shortNote}</Text>}
      {error && <Text size="xs" c="red">{error}</Text>}
    </Stack>
  );
}

/** Why the chosen day cannot take the whole request, or null when it can. */
function chosenShort(slots: SlotDto[], day: string | null, units: Decimal): string | null {
  const slot = slots.find((s) => s.day === day);
  if (!slot || !units.gt(slot.free)) return null;
  return `${weekdayName(slot.day)} ${shortDay(slot.day)} has room for ${formatDecimal(slot.free)} of your ${formatDecimal(units.toString())} units: the plant may split the order over the following days.`;
}
