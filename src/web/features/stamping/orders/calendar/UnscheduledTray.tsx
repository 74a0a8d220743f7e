import { Group, Paper, Text } from '@mantine/core';
import type { PoDto } from '../api';
import type { RegionMap } from '../regions';
import { PoChip } from './PoChip';
import type { CalendarDrag } from './use-drag';

/**
 * Open POs without a day. Drag one onto a working day to schedule it; drop a chip from the
 * calendar here to take it off the calendar again.
 */
export function UnscheduledTray({ pos, regions, pending, drag, canPlan }: {
  pos: PoDto[];
  regions: RegionMap;
  pending: ReadonlySet<string>;
  drag: CalendarDrag;
  canPlan: boolean;
}) {
  const hovered = drag.over === 'tray';
  return (
    <Paper
      withBorder
      radius="md"
      p="xs"
      mb="sm"
      {...drag.zoneProps('tray', null, canPlan)}
      data-testid="unscheduled-tray"
      style={{ borderStyle: 'dashed', background: hovered ? 'var(--mantine-color-indigo-0)' : undefined }}
    >
      <Text size="sm" fw={650} mb={pos.length ? 6 : 0}>
        Unscheduled ({pos.length})
        <Text span size="xs" c="dimmed" ml="xs">
          {canPlan ? 'drag onto a day to schedule; drop a chip here to take it off the calendar' : 'open POs with no day yet'}
        </Text>
      </Text>
      <Group gap={6} wrap="wrap">
        {pos.map((po) => (
          <div key={po.id} style={{ width: 170 }}>
            <PoChip
              po={{ id: po.id, number: po.number, customerCode: po.customerCode, qty: po.totalQty, urgent: po.urgent, regions: po.regions, segmentNo: po.segmentNo }}
              day={null}
              regions={regions}
              pending={pending.has(po.id)}
              drag={drag.chipProps({ id: po.id, number: po.number, fromDay: null, fromIndex: null }, canPlan && !pending.has(po.id))}
            />
          </div>
        ))}
      </Group>
    </Paper>
  );
}
