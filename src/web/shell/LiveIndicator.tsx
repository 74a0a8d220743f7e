import { Box, Group, Text, Tooltip } from '@mantine/core';
import { useLiveStatus, type LiveStatus } from '../live/LiveProvider';

const LOOK: Record<LiveStatus, { color: string; label: string; hint: string }> = {
  live: { color: 'var(--mantine-color-teal-6)', label: 'Live', hint: 'Receiving changes as they happen' },
  connecting: { color: 'var(--mantine-color-yellow-6)', label: 'Connecting…', hint: 'Opening the live connection' },
  reconnecting: { color: 'var(--mantine-color-yellow-6)', label: 'Reconnecting…', hint: 'The live connection dropped; retrying' },
  offline: { color: 'var(--mantine-color-red-6)', label: 'Offline', hint: 'No live updates: the server cannot be reached' },
};

export function LiveIndicator() {
  const status = useLiveStatus();
  const look = LOOK[status];
  return (
    <Tooltip label={look.hint}>
      <Group gap={6} wrap="nowrap" data-testid="live-indicator" data-status={status} role="status" aria-live="polite">
        <Box w={10} h={10} style={{ borderRadius: '50%', background: look.color, flexShrink: 0 }} />
        <Text size="sm" fw={500}>
          {look.label}
        </Text>
      </Group>
    </Tooltip>
  );
}
