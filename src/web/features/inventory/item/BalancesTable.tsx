import { useState } from 'react';
import { DataTable } from '../../../ui/DataTable';
import { Badge, Group, Table, Text, TextInput } from '@mantine/core';
import { QueryState } from '../../../ui/QueryState';
import { LoadMore } from '../../../ui/LoadMore';
import { useBalances } from '../api/stock';
import { formatDecimal, isZero } from '../decimal';
import { useGradeLabel, useGradeUsable } from '../api/grades';
import { ExpiryBadge } from '../lots/ExpiryBadge';
import { plantInstant } from '../../../ui/plant-day';

/** A `datetime-local` value (the plant's clock) as the API's instant; empty or unreadable: now. */
const instantOf = (local: string): string | undefined => plantInstant(local)?.toISOString();

/**
 * What the item has where: one row per variant, location, lot and grade with stock — now, or as
 * it stood at a past moment (reservations are what holds stock now, so a past view shows none).
 */
export function BalancesTable({ itemId }: { itemId: string }) {
  const [asOf, setAsOf] = useState('');
  const balances = useBalances({ itemId, asOf: instantOf(asOf) });
  const gradeLabel = useGradeLabel();
  const usable = useGradeUsable();
  const rows = balances.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <Group mb="sm" align="flex-end">
        <TextInput type="datetime-local" label="As of" description="Leave empty for now" value={asOf} onChange={(e) => setAsOf(e.currentTarget.value)} w={240} data-testid="balances-as-of" />
        {instantOf(asOf) && <Text size="sm" c="dimmed" data-testid="balances-past">As the ledger stood then, back-dated postings included; reservations are not shown.</Text>}
      </Group>
      <QueryState pending={balances.isPending} error={balances.error}>
      <DataTable testId="balances-table" minWidth={820} count={rows.length} empty="Nothing on hand." emptyInline
        columns={['Variant', 'Location', 'Lot', 'Expiry', 'Grade', { label: 'On hand', align: 'right' }, { label: 'Reserved', align: 'right' }, { label: 'Available', align: 'right' }, { label: 'Value', align: 'right' }]}>
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
                    <Badge variant="light" color={usable(b.grade) ? 'teal' : 'red'}>
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
      </DataTable>
      <LoadMore hasMore={balances.hasNextPage} loading={balances.isFetchingNextPage} onLoad={() => void balances.fetchNextPage()} testId="balances-more" />
      </QueryState>
    </>
  );
}
