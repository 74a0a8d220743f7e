import { Group, Loader, Text } from '@mantine/core';
import { useKeyQty, type StockKey } from '../api/stock';
import { formatDecimal } from '../decimal';

/** The quantity on hand at the chosen key, as the ledger has it now. */
export function CurrentQty({ stockKey, uom }: { stockKey: StockKey; uom: string }) {
  const qty = useKeyQty(stockKey);
  if (!stockKey.variantId || !stockKey.locationId) {
    return (
      <Text size="sm" c="dimmed">
        Choose a location to see what is on hand.
      </Text>
    );
  }
  return (
    <Group gap={6} data-testid="current-qty" data-qty={qty.data ?? ''}>
      <Text size="sm" c="dimmed">
        On hand now:
      </Text>
      {qty.isPending ? (
        <Loader size="xs" />
      ) : (
        <Text size="sm" fw={700}>
          {formatDecimal(qty.data ?? '0')} {uom}
        </Text>
      )}
    </Group>
  );
}
