import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconClipboardCheck } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useCan } from '../../../auth/me';
import { ConfirmModal } from '../../../ui/ConfirmModal';
import { QueryState } from '../../../ui/QueryState';
import { notifySuccess } from '../../../ui/notify';
import { useForm } from '../../../ui/use-form';
import { formatDateTime } from '../../../ui/format';
import { useMarkInventoried, useShipment, type ShipmentDto } from './api';
import { SHIPMENT_STATUS } from './status';
import { formatIsoDay } from './format';
import { ReceivedTable } from './ReceivedTable';
import { AvailabilityTable } from './AvailabilityTable';
import { BoxScanForm } from './BoxScanForm';
import { BoxesTable } from './BoxesTable';

/** One shipment: what was announced beside what arrived, what it still offers, and box-by-box receiving. */
export function ShipmentDetailPage({ shipmentId }: { shipmentId: string }) {
  const can = useCan();
  const shipment = useShipment(shipmentId);
  const s = shipment.data;
  return (
    <Stack>
      <Anchor component={Link} to="/stamping/shipments" size="sm">
        <Group gap={4}><IconArrowLeft size={16} /> Shipments</Group>
      </Anchor>
      <QueryState pending={shipment.isPending} error={shipment.error}>
        {s && (
          <>
            <ShipmentHeader shipment={s} canReceive={can('stamping.receive')} />
            <SimpleGrid cols={{ base: 1, xl: 2 }}>
              <Card withBorder radius="lg" padding="lg">
                <Title order={3} mb="md">Packing list and received</Title>
                <ReceivedTable shipmentId={s.id} />
              </Card>
              <Card withBorder radius="lg" padding="lg">
                <Title order={3} mb={4}>Availability</Title>
                <Text size="sm" c="dimmed" mb="md">Good units received (the packing list until the first box) less production orders.</Text>
                <AvailabilityTable shipmentId={s.id} />
              </Card>
            </SimpleGrid>
            {can('stamping.receive') && s.status !== 'inventoried' && <BoxScanForm shipment={s} />}
            <Card withBorder radius="lg" padding="lg">
              <Title order={3} mb="md">Boxes</Title>
              <BoxesTable shipmentId={s.id} />
            </Card>
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function ShipmentHeader({ shipment: s, canReceive }: { shipment: ShipmentDto; canReceive: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const mark = useMarkInventoried(s.id);
  const form = useForm({});
  const status = SHIPMENT_STATUS[s.status];
  const confirm = () =>
    mark.mutate({ input: null, key: form.idempotencyKey }, {
      onSuccess: (done) => {
        notifySuccess(`Shipment ${done.number} inventoried.`);
        setConfirming(false);
      },
      onError: (err) => {
        setConfirming(false);
        form.fail(err);
      },
    });
  return (
    <Group justify="space-between" align="flex-end" wrap="wrap" data-testid="shipment-detail" data-status={s.status}>
      <Stack gap={4}>
        <Group gap="sm">
          <Title order={2}>{s.number}</Title>
          <Badge color={status.color} variant="light" size="lg" data-testid="shipment-status">{status.label}</Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {[s.customerName, s.reference && `ref. ${s.reference}`, s.expectedOn && `expected ${formatIsoDay(s.expectedOn)}`, `lot ${s.number}`].filter(Boolean).join(' · ')}
        </Text>
        <Text size="sm" c="dimmed" data-testid="shipment-box-counts">
          {s.boxesReceived} {s.boxesReceived === 1 ? 'box' : 'boxes'} received{s.boxesExpected ? ` · ${s.boxesExpected} expected` : ''}
          {s.inventoriedAt && ` · inventoried ${formatDateTime(s.inventoriedAt)}`}
        </Text>
      </Stack>
      {canReceive && s.status === 'receiving' && (
        <Button color="teal" leftSection={<IconClipboardCheck size={18} />} onClick={() => setConfirming(true)} data-testid="mark-inventoried">
          Mark inventoried
        </Button>
      )}
      <ConfirmModal opened={confirming} title={`Mark ${s.number} inventoried`} confirmLabel="Mark inventoried" color="teal" loading={mark.isPending} onConfirm={confirm} onClose={() => setConfirming(false)}>
        {s.boxesExpected
          ? `${s.boxesExpected} announced ${s.boxesExpected === 1 ? 'box has' : 'boxes have'} not arrived and will stay recorded as not arrived. No more boxes can be received after this.`
          : 'Receiving closes: no more boxes can be received, and production orders can be planned against this shipment.'}
      </ConfirmModal>
    </Group>
  );
}
