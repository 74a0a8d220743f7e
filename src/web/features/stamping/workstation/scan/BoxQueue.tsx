import { Badge, Group, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { formatDecimal } from '../../../inventory/decimal';
import { RegionBadges, useRegionMap } from '../../orders/regions';
import type { QueueBox } from '../api';

/** The boxes of the PO still to stamp, in box order. */
export function BoxQueue({ boxes }: { boxes: QueueBox[] }) {
  const regions = useRegionMap();
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={5}>Boxes to stamp</Title>
        <Badge variant="light" data-testid="box-queue-count">{boxes.length}</Badge>
      </Group>
      {boxes.length === 0 ? (
        <Text size="sm" c="dimmed">Every box of this order is stamped or skipped.</Text>
      ) : (
        <ScrollArea.Autosize mah={320}>
          <Stack gap={6} data-testid="box-queue">
            {boxes.map((b) => (
              <Paper key={b.boxId} withBorder radius="sm" px="sm" py={6} data-testid="box-queue-item" data-box-no={b.boxNo} data-brand={b.brand}>
                <Group justify="space-between" wrap="nowrap">
                  <Text fw={650}>{b.brand} #{b.boxNo}</Text>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" c="dimmed">{b.lines} line{b.lines === 1 ? '' : 's'} · {formatDecimal(b.units)} units</Text>
                    <RegionBadges codes={b.regions} regions={regions} size="xs" />
                  </Group>
                </Group>
              </Paper>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}
