import { useState } from 'react';
import { Anchor, Card, Group, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { QueryState } from '../../../../ui/QueryState';
import { formatIsoDay } from '../../shipments/format';
import { useOutboundOf } from '../../verify/api';
import { useRun } from '../../workstation/api';
import { SkidDetailModal } from '../../workstation/skids/SkidDetailModal';
import { SkidList } from '../../workstation/skids/SkidList';
import type { PoDto } from '../api';

/**
 * What the run left behind, kept after the station moved on: the PO's skids (each with its boxes,
 * history and label), its verification and, once completed, the outbound it was filed on.
 */
export function RunCard({ po }: { po: PoDto }) {
  const run = useRun(po.id);
  const outbound = useOutboundOf(po);
  const [openSkid, setOpenSkid] = useState<string | null>(null);
  const skids = run.data?.skids ?? [];
  return (
    <Card withBorder radius="lg" padding="md" data-testid="po-run">
      <Group justify="space-between" mb="sm">
        <Title order={4}>Run</Title>
        {po.status === 'completed' && (
          <Anchor size="sm" renderRoot={(props) => <Link to="/stamping/orders/$poId/verify" params={{ poId: po.id }} {...props} />} data-testid="po-verification-record">
            Verification record
          </Anchor>
        )}
      </Group>
      {po.status === 'completed' && (
        <Text size="sm" mb="sm" data-testid="po-outbound">
          Filed on outbound{' '}
          {outbound.data ? (
            <Anchor size="sm" fw={700} renderRoot={(props) => <Link to="/stamping/outbounds" search={{ customerId: po.customerId }} {...props} />}>
              {outbound.data.number}
            </Anchor>
          ) : '—'}
          {outbound.data && ` (${formatIsoDay(outbound.data.day)})`}
        </Text>
      )}
      <QueryState pending={run.isPending} error={run.error}>
        <SkidList skids={skids} onOpen={setOpenSkid} />
      </QueryState>
      <SkidDetailModal poId={po.id} skidId={openSkid} skids={skids} editable={false} onClose={() => setOpenSkid(null)} />
    </Card>
  );
}
