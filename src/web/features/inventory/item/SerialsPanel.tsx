import { useState } from 'react';
import { Anchor, Badge, Button, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { QueryState } from '../../../ui/QueryState';
import { LoadMore } from '../../../ui/LoadMore';
import { formatDateTime } from '../../../ui/format';
import { serialsUnavailable, useSerials } from '../api/serials';
import { SERIAL_FILTERS, serialStatus } from '../options';
import type { SerialDto } from '../../../api/types';
import { useCan } from '../../../auth/me';
import { MarkDefectModal, canMarkDefect } from '../serial/MarkDefectModal';

/** The item's serial units by status; a row opens the unit's history, and a defect found is marked from it. */
export function SerialsPanel({ itemId }: { itemId: string }) {
  const navigate = useNavigate();
  const can = useCan();
  const [status, setStatus] = useState('all');
  const [marking, setMarking] = useState<SerialDto | null>(null);
  const serials = useSerials({ itemId, status: status === 'all' ? undefined : status });
  const rows = serials.data?.pages.flatMap((p) => p.items) ?? [];

  if (serials.isError && serialsUnavailable(serials.error)) {
    return (
      <Text c="dimmed" size="sm">
        Serial tracking is not available on this server yet.
      </Text>
    );
  }
  return (
    <>
      <Group mb="md">
        <SegmentedControl data={SERIAL_FILTERS} value={status} onChange={setStatus} data-testid="serial-status-filter" />
      </Group>
      <QueryState pending={serials.isPending} error={serials.error}>
        {rows.length === 0 ? (
          <Text c="dimmed" size="sm">
            No serial units{status === 'all' ? '' : ' with this status'}.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={680}>
            <Table data-testid="serials-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Serial number</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Stage</Table.Th>
                  <Table.Th>Order</Table.Th>
                  <Table.Th>Last updated</Table.Th>
                  {can('inventory.adjust') && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((s) => (
                  <Table.Tr
                    key={s.id}
                    data-testid="serial-row"
                    data-serial={s.serialNo}
                    style={{ cursor: 'pointer' }}
                    onClick={() => void navigate({ to: '/inventory/serials/$serialId', params: { serialId: s.id } })}
                  >
                    <Table.Td>
                      <Anchor
                        fw={600}
                        size="sm"
                        renderRoot={(props) => <Link to="/inventory/serials/$serialId" params={{ serialId: s.id }} {...props} />}
                        onClick={(e) => e.stopPropagation()}
                      >
                        {s.serialNo}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={serialStatus(s.status).color} variant="light">
                        {serialStatus(s.status).label}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{s.stage ?? '—'}</Table.Td>
                    <Table.Td>{s.orderRef ?? '—'}</Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {formatDateTime(s.updatedAt)}
                      </Text>
                    </Table.Td>
                    {can('inventory.adjust') && (
                      <Table.Td ta="right">
                        {canMarkDefect(s.status) && (
                          <Button size="compact-xs" color="red" variant="subtle" onClick={(e) => { e.stopPropagation(); setMarking(s); }} data-testid="row-mark-defect">
                            Mark defect
                          </Button>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <LoadMore hasMore={serials.hasNextPage} loading={serials.isFetchingNextPage} onLoad={() => void serials.fetchNextPage()} testId="serials-more" />
      </QueryState>
      {marking && <MarkDefectModal serial={marking} opened onClose={() => setMarking(null)} />}
    </>
  );
}
