import Decimal from '../../../../contracts/exact-decimal';
import { Text } from '@mantine/core';
import { formatDecimal } from '../../inventory/decimal';
import type { Verification } from './api';

/**
 * Actual below what is authorised: what completing gives back. Stamps were deducted box by box, so the unstamped
 * rest of each line only stops counting as demand on its region's stamps once the order completes.
 */
export function ReleasedStamps({ v }: { v: Verification }) {
  if (v.po.status === 'completed') return null;
  const byRegion = new Map<string, Decimal>();
  for (const l of v.lines) {
    const rest = new Decimal(l.authorised).minus(l.actual);
    if (rest.gt(0)) byRegion.set(l.regionCode, (byRegion.get(l.regionCode) ?? new Decimal(0)).plus(rest));
  }
  if (byRegion.size === 0) return null;
  const name = (code: string) => v.po.lines.find((l) => l.regionCode === code)?.regionName ?? code;
  const parts = [...byRegion].map(([code, n]) => `${formatDecimal(n.toString())} ${name(code)}`);
  return (
    <Text size="sm" mt="sm" data-testid="verify-released">
      Completing releases the stamps this order no longer needs: {parts.join(', ')}.
    </Text>
  );
}
