import { Alert, Anchor, Group, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { formatDateTime } from '../../../ui/format';
import { useOutboundOf, type Verification, type VerifyResult } from './api';

/** A completed PO: who verified it, the outbound it was filed on, and the way back to the PO. */
export function CompletedPanel({ v, result }: { v: Verification; result: VerifyResult | null }) {
  const outbound = useOutboundOf(v.po);
  if (v.po.status !== 'completed' && !result) return null;
  const number = result?.outbound.number ?? outbound.data?.number ?? null;
  return (
    <Alert color="teal" icon={<IconCircleCheck />} title={`${v.po.number} is completed`} data-testid="verify-done">
      {v.verified && <Text size="sm">Verified by {v.verified.by} on {formatDateTime(v.verified.at)}.</Text>}
      {v.verified?.note && <Text size="sm" data-testid="verify-done-note">Note: {v.verified.note}</Text>}
      <Group gap="xs" mt={4}>
        <Text size="sm">Outbound:</Text>
        <Text size="sm" fw={700} data-testid="verify-outbound">{number ?? '—'}</Text>
      </Group>
      <Anchor size="sm" mt="xs" display="inline-block" renderRoot={(props) => <Link to="/stamping/orders/$poId" params={{ poId: v.po.id }} {...props} />} data-testid="verify-back-to-po">
        Back to {v.po.number}
      </Anchor>
    </Alert>
  );
}
