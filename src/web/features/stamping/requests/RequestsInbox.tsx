import Decimal from '../../../../contracts/exact-decimal';
import { useState } from 'react';
import { ActionIcon, Badge, Button, Card, Collapse, Group, Stack, Text, Title } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconTruck } from '@tabler/icons-react';
import { useCan } from '../../../auth/me';
import { QueryState } from '../../../ui/QueryState';
import { formatDateTime } from '../../../ui/format';
import { notifyError, notifySuccess } from '../../../ui/notify';
import { formatDecimal } from '../../inventory/decimal';
import { formatIsoDay } from '../shipments/format';
import { useAttemptKey } from '../orders/mutations';
import type { RegionMap } from '../orders/regions';
import type { CapacityWarning, PoDto } from '../orders/api';
import { REQUEST_STATUS, isOpenRequest } from '../../portal/request-status';
import { useApproveRequest, useRequestInbox, type PoRequestDto } from './api';
import { LinesPanel } from './LinesPanel';
import { ModifyRequestModal } from './ModifyRequestModal';
import { RejectRequestModal } from './RejectRequestModal';

type OnWarnings = (po: PoDto, warnings: CapacityWarning[]) => void;

/** The customer's delivery wishes as a blue truck chip: date and details, when given. */
function DeliveryChip({ request }: { request: PoRequestDto }) {
  if (!request.deliveryDate && !request.deliveryDetails) return null;
  const text = [request.deliveryDate ? `Deliver ${formatIsoDay(request.deliveryDate)}` : null, request.deliveryDetails].filter(Boolean).join(' — ');
  return (
    <Badge color="blue" variant="light" size="lg" leftSection={<IconTruck size={15} />} style={{ textTransform: 'none', maxWidth: 420 }} title={text} data-testid="delivery-chip">
      {text}
    </Badge>
  );
}

/** The delivery wishes in full, for the review before approving (the chip may be cut short); approval carries them into the PO's notes. */
function DeliveryPanel({ request }: { request: PoRequestDto }) {
  return (
    <Card withBorder radius="md" padding="sm" bg="blue.0" data-testid="delivery-panel">
      <Group gap="xs" mb={4}>
        <IconTruck size={16} />
        <Text fw={650} size="sm">Delivery</Text>
      </Group>
      <Text size="sm">Requested delivery: {request.deliveryDate ? formatIsoDay(request.deliveryDate) : 'none given'}</Text>
      <Text size="sm" style={{ whiteSpace: 'pre-line' }}>Details: {request.deliveryDetails ?? 'none given'}</Text>
    </Card>
  );
}

function RequestItem({ request, regions, canPlan, onModify, onReject, onWarnings }: {
  request: PoRequestDto; regions: RegionMap; canPlan: boolean; onModify: () => void; onReject: () => void; onWarnings: OnWarnings;
}) {
  const [open, setOpen] = useState(false);
  const approve = useApproveRequest();
  const attempt = useAttemptKey();
  const status = REQUEST_STATUS[request.status];
  const units = request.lines.reduce((s, l) => s.plus(l.qty), new Decimal(0)).toString();
  const doApprove = () => {
    const input = { id: request.id, autoSplit: false };
    approve.mutate({ input, key: attempt.keyFor(input) }, {
      onSuccess: ({ po, warnings }) => {
        attempt.settle();
        notifySuccess(`${request.number} approved: ${po?.number ?? ''}${po?.day ? ` on ${formatIsoDay(po.day)}` : ''}.`);
        // over the day's cap the PO stands; the planner gets the same choices as for a new PO
        if (po && warnings.length) onWarnings(po, warnings);
      },
      onError: (err) => notifyError(err, `${request.number} was not approved`),
    });
  };
  return (
    <Card withBorder radius="md" padding="sm" data-testid="inbox-request" data-number={request.number} data-status={request.status}>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="sm" wrap="nowrap">
          <ActionIcon variant="subtle" color="gray" onClick={() => setOpen((o) => !o)} aria-label={open ? `Hide lines of ${request.number}` : `Show lines of ${request.number}`} aria-expanded={open} data-testid="inbox-expand">
            {open ? <IconChevronDown size={18} /> : <IconChevronRight size={18} />}
          </ActionIcon>
          <Stack gap={0}>
            <Group gap="xs">
              <Text fw={700}>{request.number}</Text>
              <Badge variant="light" color={status.color} data-testid="inbox-status">{status.label}</Badge>
              <Text size="sm">{request.customerName}</Text>
            </Group>
            <Text size="xs" c="dimmed">
              {request.shipmentNumber} · {request.lines.length} line{request.lines.length === 1 ? '' : 's'} · {formatDecimal(units)} units ·
              production {formatIsoDay(request.requestedDay)}{request.proposedDay ? ` → proposed ${formatIsoDay(request.proposedDay)}` : ''} · sent {formatDateTime(request.createdAt)}
            </Text>
          </Stack>
        </Group>
        <Group gap="xs">
          <DeliveryChip request={request} />
          {canPlan && request.status === 'pending' && (
            <>
              <Button size="xs" color="teal" loading={approve.isPending} onClick={doApprove} data-testid="inbox-approve">Approve</Button>
              <Button size="xs" variant="light" color="orange" onClick={onModify} data-testid="inbox-modify">Modify</Button>
            </>
          )}
          {canPlan && request.status === 'modified' && <Text size="xs" c="dimmed">Waiting for the customer</Text>}
          {canPlan && <Button size="xs" variant="subtle" color="red" onClick={onReject} data-testid="inbox-reject">Reject</Button>}
        </Group>
      </Group>
      <Collapse expanded={open}>
        <Stack mt="sm" gap="xs">
          <LinesPanel request={request} regions={regions} />
          <DeliveryPanel request={request} />
        </Stack>
      </Collapse>
    </Card>
  );
}

/**
 * Pending Customer Requests on the Production Orders page: requests waiting for the plant (or for
 * the customer's answer to a proposal), each with its lines a click away and the delivery wishes
 * in view. Approve makes the PO on the requested day; the list follows every change live.
 */
export function RequestsInbox({ regions, onWarnings }: { regions: RegionMap; onWarnings: OnWarnings }) {
  const can = useCan();
  const inbox = useRequestInbox();
  const [modifying, setModifying] = useState<PoRequestDto | null>(null);
  const [rejecting, setRejecting] = useState<PoRequestDto | null>(null);
  const open = (inbox.data ?? []).filter(isOpenRequest);
  return (
    <Card withBorder radius="lg" padding="md" mb="lg" data-testid="requests-inbox">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Title order={4}>Pending Customer Requests</Title>
          {open.length > 0 && <Badge circle>{open.length}</Badge>}
        </Group>
      </Group>
      <QueryState pending={inbox.isPending} error={inbox.error}>
        {open.length === 0 ? <Text c="dimmed" size="sm">No customer requests are waiting.</Text> : (
          <Stack gap="xs">
            {open.map((r) => (
              <RequestItem key={r.id} request={r} regions={regions} canPlan={can('stamping.plan')} onModify={() => setModifying(r)} onReject={() => setRejecting(r)} onWarnings={onWarnings} />
            ))}
          </Stack>
        )}
      </QueryState>
      <ModifyRequestModal request={modifying} regions={regions} onClose={() => setModifying(null)} />
      <RejectRequestModal request={rejecting} onClose={() => setRejecting(null)} />
    </Card>
  );
}
