import { useState } from 'react';
import { Badge, Button, Group, Table, Text } from '@mantine/core';
import type { StampOrderDto } from '../../../../contracts/stamping';
import { DataTable } from '../../../ui/DataTable';
import { ConfirmModal } from '../../../ui/ConfirmModal';
import { formatDateTime } from '../../../ui/format';
import { notifyError, notifySuccess } from '../../../ui/notify';
import { formatDecimal } from '../../inventory/decimal';
import { useCancelStampOrder, useReceiveStampOrder } from './api';

const NOWRAP = { whiteSpace: 'nowrap' } as const;
const STATUS_COLOUR: Record<StampOrderDto['status'], string> = { ordered: 'blue', received: 'teal', cancelled: 'gray' };

interface Pending {
  order: StampOrderDto;
  action: 'receive' | 'cancel';
}

/** Stamp orders with their status; an ordered one can be received or cancelled by a manager. */
export function StampOrdersTable({ orders, colours, canManage }: { orders: StampOrderDto[]; colours: Map<string, string>; canManage: boolean }) {
  const [pending, setPending] = useState<Pending | null>(null);
  const receive = useReceiveStampOrder();
  const cancel = useCancelStampOrder();

  const confirm = () => {
    if (!pending) return;
    const { order, action } = pending;
    const mutation = action === 'receive' ? receive : cancel;
    mutation.mutate(order.id, {
      onSuccess: () => {
        notifySuccess(action === 'receive'
          ? `${formatDecimal(order.qty)} ${order.regionName} stamps received (${order.number}).`
          : `Stamp order ${order.number} cancelled.`);
        setPending(null);
      },
      onError: (err) => {
        notifyError(err);
        setPending(null);
      },
    });
  };

  return (
    <>
      <DataTable testId="stamp-orders-table" minWidth={860} count={orders.length} empty="No stamp orders match."
        columns={['Order', 'Region', { label: 'Stamps', align: 'right' }, 'Supplier', 'Ordered', 'Status', 'Received', 'Note', ...(canManage ? [''] : [])]}>
        {orders.map((o) => (
          <Table.Tr key={o.id} data-testid="stamp-order-row" data-number={o.number} data-status={o.status}>
            <Table.Td fw={600} style={NOWRAP}>{o.number}</Table.Td>
            <Table.Td>
              <Badge color={colours.get(o.regionCode) ?? 'gray'} variant="light">
                {o.regionName}
              </Badge>
            </Table.Td>
            <Table.Td ta="right" fw={600} style={NOWRAP}>{formatDecimal(o.qty)}</Table.Td>
            <Table.Td>{o.supplier ?? '—'}</Table.Td>
            <Table.Td style={NOWRAP}>{o.orderedOn}</Table.Td>
            <Table.Td>
              <Badge color={STATUS_COLOUR[o.status]} variant={o.status === 'ordered' ? 'outline' : 'light'}>
                {o.status}
              </Badge>
            </Table.Td>
            <Table.Td>{o.receivedAt ? formatDateTime(o.receivedAt) : '—'}</Table.Td>
            <Table.Td>
              <Text size="sm" c="dimmed" lineClamp={2}>
                {o.note ?? ''}
              </Text>
            </Table.Td>
            {canManage && (
              <Table.Td>
                {o.status === 'ordered' && (
                  <Group gap="xs" wrap="nowrap" justify="flex-end">
                    <Button size="xs" variant="light" color="teal" onClick={() => setPending({ order: o, action: 'receive' })} data-testid="receive-stamp-order">
                      Receive
                    </Button>
                    <Button size="xs" variant="subtle" color="red" onClick={() => setPending({ order: o, action: 'cancel' })} data-testid="cancel-stamp-order">
                      Cancel
                    </Button>
                  </Group>
                )}
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </DataTable>
      <ConfirmModal
        opened={pending !== null}
        title={pending?.action === 'receive' ? 'Receive stamps' : 'Cancel stamp order'}
        confirmLabel={pending?.action === 'receive' ? 'Receive into stock' : 'Cancel order'}
        color={pending?.action === 'receive' ? 'teal' : 'red'}
        loading={receive.isPending || cancel.isPending}
        onConfirm={confirm}
        onClose={() => setPending(null)}
      >
        {pending?.action === 'receive'
          ? `${formatDecimal(pending.order.qty)} ${pending.order.regionName} stamps of ${pending.order.number} go into the stamp store now.`
          : pending && `${pending.order.number} (${formatDecimal(pending.order.qty)} ${pending.order.regionName} stamps) will be cancelled; nothing was received on it.`}
      </ConfirmModal>
    </>
  );
}
