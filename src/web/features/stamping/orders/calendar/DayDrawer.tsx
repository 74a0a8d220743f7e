import { Anchor, Badge, Drawer, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconFlame } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { DataTable } from '../../../../ui/DataTable';
import { formatDecimal, isZero } from '../../../inventory/decimal';
import type { CalendarDay } from '../api';
import { longDay } from '../days';
import { RegionBadges, type RegionMap } from '../regions';
import { PO_STATUS } from '../status';
import { dayOffReason } from './DayTile';

function Figure({ label, value, color }: { label: string; value: string; color?: string }) {
  return (
    <Stack gap={0} px="xs" py={6} bg="gray.0" style={{ borderRadius: 'var(--mantine-radius-md)' }}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={650} c={color}>{formatDecimal(value)}</Text>
    </Stack>
  );
}

/** Everything booked on one day, in queue order, with links to each PO. */
export function DayDrawer({ day, opened, onClose, regions }: { day: CalendarDay | null; opened: boolean; onClose: () => void; regions: RegionMap }) {
  const off = day ? dayOffReason(day) : null;
  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="xl" title={day ? longDay(day.day) : 'Day'} data-testid="day-drawer">
      {day && (
        <Stack>
          {off && <Text c="dimmed" fs="italic">{off}</Text>}
          <SimpleGrid cols={4} spacing={6}>
            <Figure label="Cap" value={day.cap} />
            <Figure label="Booked" value={day.booked} />
            <Figure label="Free" value={day.free} />
            <Figure label="Over" value={day.exceededBy} color={isZero(day.exceededBy) ? undefined : 'red'} />
          </SimpleGrid>
          <DataTable testId="day-drawer-pos" minWidth={520} count={day.pos.length} empty="Nothing booked on this day." emptyInline
            columns={['#', 'PO', 'Consignee', { label: 'Qty', align: 'right' }, 'Status', 'Regions']}>
            {day.pos.map((po, i) => (
              <Table.Tr key={po.id} data-testid="day-drawer-po" data-number={po.number}>
                <Table.Td c="dimmed">{i + 1}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Anchor size="sm" fw={600} renderRoot={(props) => <Link to="/stamping/orders/$poId" params={{ poId: po.id }} {...props} />}>
                      {po.number}
                    </Anchor>
                    {po.urgent && <IconFlame size={14} color="var(--mantine-color-red-6)" aria-label="Urgent" />}
                  </Group>
                  {po.segmentNo && <Text size="xs" c="dimmed">segment {po.segmentNo} of {po.parentNumber}</Text>}
                </Table.Td>
                <Table.Td>{po.customerCode}</Table.Td>
                <Table.Td ta="right" fw={600}>{formatDecimal(po.qty)}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={PO_STATUS[po.status].color}>{PO_STATUS[po.status].label}</Badge>
                </Table.Td>
                <Table.Td><RegionBadges codes={po.regions} regions={regions} size="xs" /></Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </Stack>
      )}
    </Drawer>
  );
}
