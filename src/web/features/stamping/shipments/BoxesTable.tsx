import { Badge, Stack, Table, Text } from '@mantine/core';
import { DataTable } from '../../../ui/DataTable';
import { LoadMore } from '../../../ui/LoadMore';
import { QueryState } from '../../../ui/QueryState';
import { formatDateTime } from '../../../ui/format';
import { formatDecimal, isZero } from '../../inventory/decimal';
import { useBoxes, type BoxLineDto } from './api';

const lineText = (l: BoxLineDto) =>
  [`${formatDecimal(l.goodQty)} good`, !isZero(l.damagedQty) && `${formatDecimal(l.damagedQty)} damaged`, !isZero(l.missingQty) && `${formatDecimal(l.missingQty)} missing`]
    .filter(Boolean).join(' · ');

/** Every box by number, Orbito #10 beside Linvo #10; a mixed box lists each of its products. */
export function BoxesTable({ shipmentId }: { shipmentId: string }) {
  const boxes = useBoxes(shipmentId);
  const rows = boxes.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <QueryState pending={boxes.isPending} error={boxes.error}>
      <DataTable testId="boxes-table" minWidth={760} count={rows.length} emptyInline empty="No boxes announced or received yet."
        columns={['Box', 'Status', 'Contents', 'Damage', 'Received']}>
        {rows.map((b) => {
          const damaged = b.lines.filter((l) => !isZero(l.foundDamagedQty));
          return (
            <Table.Tr key={b.id} data-testid="box-row" data-box={`${b.brand} #${b.boxNo}`} data-status={b.status}>
              <Table.Td fw={600} style={{ whiteSpace: 'nowrap' }}>{b.brand} #{b.boxNo}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={b.status === 'received' ? 'teal' : 'gray'}>{b.status === 'received' ? 'Received' : 'Expected'}</Badge>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {b.lines.map((l) => (
                    <Text key={l.id} size="sm">
                      {l.label}: <Text span c="dimmed" size="sm">{lineText(l)}</Text>
                    </Text>
                  ))}
                  {!b.lines.length && <Text size="sm" c="dimmed">—</Text>}
                </Stack>
              </Table.Td>
              <Table.Td>
                {damaged.length
                  ? damaged.map((l) => <Text key={l.id} size="sm" c="orange">{formatDecimal(l.foundDamagedQty)} found damaged</Text>)
                  : <Text size="sm" c="dimmed">—</Text>}
              </Table.Td>
              <Table.Td>
                {b.receivedAt ? (
                  <>
                    <Text size="sm">{formatDateTime(b.receivedAt)}</Text>
                    <Text size="xs" c="dimmed">{b.receivedBy ?? ''}{b.note ? ` · ${b.note}` : ''}</Text>
                  </>
                ) : <Text size="sm" c="dimmed">not arrived</Text>}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </DataTable>
      <LoadMore hasMore={boxes.hasNextPage} loading={boxes.isFetchingNextPage} onLoad={() => void boxes.fetchNextPage()} testId="boxes-load-more" />
    </QueryState>
  );
}
