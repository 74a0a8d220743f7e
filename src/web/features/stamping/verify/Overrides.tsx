import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { formatDateTime } from '../../../ui/format';
import { formatDecimal } from '../../inventory/decimal';
import type { Verification } from './api';

/** Boxes confirmed past a stamp shortage: the second user sees who overrode it and why. */
export function Overrides({ v }: { v: Verification }) {
  if (v.overrides.length === 0) return null;
  const regionName = (code: string) => v.po.lines.find((l) => l.regionCode === code)?.regionName ?? code;
  return (
    <Alert color="yellow" icon={<IconAlertTriangle />} title="Confirmed past a stamp shortage" data-testid="verify-overrides">
      <List size="sm" spacing={4}>
        {v.overrides.map((o) => (
          <List.Item key={`${o.brand}-${o.boxNo}-${o.regionCode}`} data-testid="verify-override">
            <Text span fw={650}>{o.brand} #{o.boxNo}</Text>: {formatDecimal(o.stamps)} {regionName(o.regionCode)} stamps, by {o.by ?? 'someone'} on {formatDateTime(o.at)} — “{o.reason}”
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
