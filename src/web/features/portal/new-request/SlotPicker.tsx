import { Chip, Group, Stack, Text } from '@mantine/core';
import { formatDecimal } from '../../inventory/decimal';
import { shortDay, weekdayName } from '../../stamping/orders/days';
import type { SlotDto } from '../api';

/** Production days on offer (working days with free capacity) as chips; one is chosen. */
export function SlotPicker({ slots, value, onChange, error, loading }: {
  slots: SlotDto[];
  value: string | null;
  onChange: (day: string) => void;
  error?: string;
  loading?: boolean;
}) {
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>Production date <Text span c="red">*</Text></Text>
      <Text size="xs" c="dimmed">Only working days with free capacity on the stamping line are offered.</Text>
      {!loading && slots.length === 0 && <Text size="sm" c="dimmed">No production days are open in the next four weeks.</Text>}
      <Chip.Group multiple={false} value={value ?? ''} onChange={(v) => onChange(v as string)}>
        <Group gap={6} data-testid="slot-picker">
          {slots.map((s) => (
            <Chip key={s.day} value={s.day} size="sm" variant="outline" wrapperProps={{ 'data-testid': 'slot', 'data-day': s.day, title: `${formatDecimal(s.free)} units free` }}>
              {weekdayName(s.day)} {shortDay(s.day)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {error && <Text size="xs" c="red">{error}</Text>}
    </Stack>
  );
}
