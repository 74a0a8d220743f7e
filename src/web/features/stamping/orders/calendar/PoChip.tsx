import type { DragEvent } from 'react';
import { Box, Group, Loader, Paper, Text } from '@mantine/core';
import { IconFlame } from '@tabler/icons-react';
import { formatDecimal } from '../../../inventory/decimal';
import { regionColour, regionStripe, type RegionMap } from '../regions';

/** What a chip shows of a PO, whether it comes from the calendar or the Unscheduled tray. */
export interface ChipPo {
  id: string;
  number: string;
  customerCode: string;
  qty: string;
  urgent: boolean;
  regions: string[];
  segmentNo: number | null;
  /** on the calendar: a PO waiting for verification or completed is shown as such */
  status?: string;
}

interface DragProps {
  draggable: boolean;
  onDragStart?: (e: DragEvent) => void;
  onDragEnd?: () => void;
}

/** A PO on the calendar, coloured by its regions (bands when it has several). */
export function PoChip({ po, regions, pending, compact, drag, day }: {
  po: ChipPo;
  regions: RegionMap;
  pending: boolean;
  /** month view: no segment line (the segment's number already says it) */
  compact?: boolean;
  drag: DragProps;
  day: string | null;
}) {
  const tint = po.regions.length === 1 ? regionColour(regions, po.regions[0]!) : 'gray';
  const segment = po.segmentNo ? `segment ${po.segmentNo}` : null;
  const finished = po.status === 'completed' ? 'completed' : po.status === 'pending_verification' ? 'to verify' : null;
  return (
    <Paper
      withBorder
      radius="sm"
      py={3}
      pl={10}
      pr={6}
      {...drag}
      title={`${po.number} · ${po.customerCode} · ${formatDecimal(po.qty)}${segment ? ` · ${segment}` : ''}${po.urgent ? ' · urgent' : ''}${finished ? ` · ${finished}` : ''}`}
      data-testid="po-chip"
      data-po-id={po.id}
      data-number={po.number}
      data-day={day ?? ''}
      data-pending={pending || undefined}
      data-regions={po.regions.join(',')}
      aria-busy={pending}
      style={{
        position: 'relative',
        overflow: 'hidden',
        opacity: pending ? 0.5 : po.status === 'completed' ? 0.6 : 1,
        cursor: drag.draggable ? 'grab' : 'pointer',
        background: `var(--mantine-color-${tint}-0)`,
        borderStyle: pending ? 'dashed' : undefined,
      }}
    >
      <Box aria-hidden style={{ position: 'absolute', left: 0, top: 0, bottom: 0, width: 5, background: regionStripe(regions, po.regions) }} />
      <Group gap={4} wrap="nowrap" justify="space-between">
        <Text size="xs" fw={700} truncate>
          {po.number}
        </Text>
        <Group gap={2} wrap="nowrap">
          {pending && <Loader size={10} />}
          {po.urgent && <IconFlame size={14} color="var(--mantine-color-red-6)" aria-label="Urgent" data-testid="chip-urgent" />}
          {finished && <Text size="xs" c="dimmed" data-testid="chip-status">{finished}</Text>}
        </Group>
      </Group>
      <Group gap={4} wrap="nowrap" justify="space-between">
        <Text size="xs" c="dimmed" truncate>
          {po.customerCode}
        </Text>
        <Text size="xs" fw={600} data-testid="chip-qty">
          {formatDecimal(po.qty)}
        </Text>
      </Group>
      {!compact && segment && (
        <Text size="xs" c="dimmed" data-testid="chip-segment">
          {segment}
        </Text>
      )}
    </Paper>
  );
}
