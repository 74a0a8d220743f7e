import { Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { formatDecimal } from '../../../inventory/decimal';
import type { SkidDto } from '../api';

/** A PO's completed skids, each with its place, boxes and stamped units; a click opens it. */
export function SkidList({ skids, onOpen }: { skids: SkidDto[]; onOpen: (skidId: string) => void }) {
  if (skids.length === 0) return <Text size="sm" c="dimmed">No skid completed yet.</Text>;
  return (
    <Stack gap={6}>
      {skids.map((s) => (
        <UnstyledButton key={s.id} onClick={() => onOpen(s.id)} data-testid="skid" data-label={s.label} data-boxes={s.boxes}
          style={{ borderRadius: 'var(--mantine-radius-md)', padding: '8px 12px', background: 'var(--mantine-color-gray-0)' }}>
          <Group justify="space-between" wrap="nowrap">
            <Stack gap={0}>
              <Text fw={650}>{s.label}</Text>
              <Text size="xs" c="dimmed">{s.locationPath}</Text>
            </Stack>
            <Stack gap={0} align="flex-end">
              <Text size="sm">{s.boxes} box{s.boxes === 1 ? '' : 'es'}</Text>
              <Text size="xs" c="dimmed">{formatDecimal(s.stamped)} stamped</Text>
            </Stack>
          </Group>
        </UnstyledButton>
      ))}
    </Stack>
  );
}
