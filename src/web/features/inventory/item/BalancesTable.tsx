import { Badge, Table, Text } from '@mantine/core';
import { QueryState } from '../../../ui/QueryState';
import { LoadMore } from '../../../ui/LoadMore';
import { useBalances } from '../api/stock';
import { formatDecimal, isZero } from '../decimal';
import { gradeLabel } from '../options';
import { ExpiryBadge } from '../lots/ExpiryBadge';

/** What the item has where: one row per variant, location, lot and grade with stock. */
export function BalancesTable({ itemId }: { itemId: string }) {
  const balances = useBalances({ itemId });
  const rows = balances.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <QueryState pending={balances.isPending} error={balances.error}>
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          Nothing on hand.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table data-testid="balances-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Variant</Table.Th>
                <Table.Th>Location</Table.Th>
                <Table.Th>Lot</Table.Th>
                <Table.Th>Expiry</Table.Th>
                <Table.Th>Grade</Table.Th>
                <Table.Th ta="right">On hand</Table.Th>
                <Table.Th ta="right">Reserved</Table.Th>
                <Table.Th ta="right">Available</Table.Th>
                <Table.Th ta="right">Value</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((b) => (
                <Table.Tr key={b.keyId} data-testid="balance-row" data-location={b.locationCode} data-lot={b.lotCode ?? ''}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {b.variantCode}
                    </Text>
                    {b.variantName !== b.variantCode && (
                      <Text size="xs" c="dimmed">
                        {b.variantName}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{b.locationCode}</Table.Td>
                  <Table.Td>{b.lotCode ?? '—'}</Table.Td>
                  <Table.Td>{b.expiryDate ? <ExpiryBadge date={b.expiryDate} /> : '—'}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={b.grade === 'good' ? 'teal' : 'red'}>
                      {gradeLabel(b.grade)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right" fw={600} data-testid="balance-qty">
                    {formatDecimal(b.qty)}
                  </Table.Td>
                  <Table.Td ta="right" c={isZero(b.reserved) ? 'dimmed' : undefined}>
                    {formatDecimal(b.reserved)}
                  </Table.Td>
                  <Table.Td ta="right">{formatDecimal(b.available)}</Table.Td>
                  <Table.Td ta="right">{formatDecimal(b.value)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMore hasMore={balances.hasNextPage} loading={balances.isFetchingNextPage} onLoad={() => void balances.fetchNextPage()} testId="balances-more" />
    </QueryState>
  );
}
