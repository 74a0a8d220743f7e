import type { ReactNode } from 'react';
import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { formatDecimal, isZero } from '../../../inventory/decimal';
import { regionColour, useRegionMap } from '../../orders/regions';
import type { RunBoxDto } from '../api';

/** One confirmed box line: the box, its variant chip, region, stamped units and damage. */
export function BoxCard({ item, leading }: { item: RunBoxDto; leading?: ReactNode }) {
  const regions = useRegionMap();
  return (
    <Paper withBorder radius="md" p="xs" data-testid="run-box" data-box-no={item.boxNo} data-id={item.id}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        {leading}
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Group justify="space-between" gap={4} wrap="wrap">
            <Text fw={650}>{item.brand} #{item.boxNo}</Text>
            <Badge size="sm" variant="light" color={regionColour(regions, item.regionCode)}>{regions.get(item.regionCode)?.name ?? item.regionCode}</Badge>
          </Group>
          <Text size="xs" c="dimmed" truncate>{item.label}</Text>
          <Group gap={6}>
            <Text size="sm">{formatDecimal(item.qty)} stamped</Text>
            {!isZero(item.damagedQty) && <Badge size="xs" color="red" variant="light">{formatDecimal(item.damagedQty)} damaged</Badge>}
            {!isZero(item.missingQty) && <Badge size="xs" color="gray" variant="light">{formatDecimal(item.missingQty)} missing</Badge>}
            {item.overrideReason && <Badge size="xs" color="orange" variant="light" title={item.overrideReason}>override</Badge>}
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}
