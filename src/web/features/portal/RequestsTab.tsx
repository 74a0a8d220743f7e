import { useRef } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconFileTypePdf, IconMessageCircle, IconTruck } from '@tabler/icons-react';
import { newIdempotencyKey } from '../../api/client';
import { notifyError, notifySuccess } from '../../ui/notify';
import { formatDateTime } from '../../ui/format';
import { QueryState } from '../../ui/QueryState';
import { formatIsoDay } from '../stamping/shipments/format';
import { receiptUrl, useAnswerProposal, usePortalRequests, type PoRequestDto } from './api';
import { REQUEST_STATUS } from './request-status';
import { RequestLines } from './RequestLines';

/** What became of a proposed day, as the request's status says. */
const proposalWord: Partial<Record<PoRequestDto['status'], string>> = { approved: 'accepted', declined: 'declined' };

/** The plant's proposal on a modified request: what changes, and Accept / Decline. */
function Proposal({ request }: { request: PoRequestDto }) {
  const answer = useAnswerProposal();
  // one key per request and answer: a retried click is applied once
  const keys = useRef(new Map<string, string>());
  const send = (kind: 'accept' | 'decline') => {
    const k = `${request.id}:${kind}`;
    if (!keys.current.has(k)) keys.current.set(k, newIdempotencyKey());
    // the answer ends the proposal, and with it this component: a promise outlives it, mutate's callbacks do not
    answer.mutateAsync({ id: request.id, answer: kind, key: keys.current.get(k)! }).then(
      (d) => notifySuccess(kind === 'accept' ? `Accepted: ${d.po?.number ?? d.request.number} is planned${d.po?.day ? ` for ${formatIsoDay(d.po.day)}` : ''}.` : `Declined the proposal for ${d.request.number}.`),
      (err: unknown) => notifyError(err),
    );
  };
  return (
    <Alert color="orange" icon={<IconMessageCircle />} title="The plant proposes changes" data-testid="request-proposal">
      <Stack gap="xs">
        {request.proposedDay && (
          <Text size="sm">Production on <b data-testid="proposed-day">{formatIsoDay(request.proposedDay)}</b> instead of {formatIsoDay(request.requestedDay)}.</Text>
        )}
        {/* the lines always: a proposal of a day alone still concerns them */}
        <RequestLines request={request} />
        <Group>
          <Button size="xs" color="teal" loading={answer.isPending && answer.variables?.answer === 'accept'} onClick={() => send('accept')} data-testid="proposal-accept">Accept</Button>
          <Button size="xs" variant="default" loading={answer.isPending && answer.variables?.answer === 'decline'} onClick={() => send('decline')} data-testid="proposal-decline">Decline</Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function RequestCard({ request }: { request: PoRequestDto }) {
  const status = REQUEST_STATUS[request.status];
  return (
    <Card withBorder radius="md" padding="md" data-testid="portal-request" data-number={request.number} data-status={request.status}>
      <Group justify="space-between" align="flex-start" mb="xs" wrap="wrap">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={700}>{request.number}</Text>
            <Badge variant="light" color={status.color} data-testid="request-status">{status.label}</Badge>
            {request.poNumber && <Badge variant="outline" color="teal" data-testid="request-po">{request.poNumber}</Badge>}
          </Group>
          <Text size="sm" c="dimmed">
            {request.shipmentNumber} · production {formatIsoDay(request.requestedDay)}
            {request.proposedDay ? ` → ${formatIsoDay(request.proposedDay)} ${proposalWord[request.status] ?? 'proposed'}` : ''} · sent {formatDateTime(request.createdAt)}
          </Text>
        </Stack>
        <Group gap="sm">
          {(request.deliveryDate || request.deliveryDetails) && (
            <Badge color="blue" variant="light" leftSection={<IconTruck size={14} />} style={{ textTransform: 'none' }}>
              {[request.deliveryDate && formatIsoDay(request.deliveryDate), request.deliveryDetails].filter(Boolean).join(' — ')}
            </Badge>
          )}
          <Anchor size="sm" href={receiptUrl(request.id)} target="_blank" rel="noopener"><Group gap={4}><IconFileTypePdf size={16} />Receipt</Group></Anchor>
        </Group>
      </Group>
      {request.status === 'rejected' && (
        <Alert color="red" title="Rejected by the plant" mb="xs" data-testid="request-reject-reason">{request.rejectReason}</Alert>
      )}
      {request.status === 'modified' ? <Proposal request={request} /> : <RequestLines request={request} />}
    </Card>
  );
}

/** Own requests, open ones first, each with its status; decisions arrive live. */
export function RequestsTab() {
  const requests = usePortalRequests();
  const rows = requests.data ?? [];
  return (
    <QueryState pending={requests.isPending} error={requests.error}>
      {rows.length === 0 ? <Text c="dimmed" ta="center" py="lg">No requests yet. Use “New request” to ask for production.</Text> : (
        <Stack gap="sm" data-testid="portal-requests">
          {rows.map((r) => <RequestCard key={r.id} request={r} />)}
        </Stack>
      )}
    </QueryState>
  );
}
