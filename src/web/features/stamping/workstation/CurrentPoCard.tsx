import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconFlame, IconNote, IconPlayerPlay, IconShieldCheck } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { ApiError } from '../../../api/problem';
import { useCan } from '../../../auth/me';
import { notifyError, notifySuccess } from '../../../ui/notify';
import { formatDecimal } from '../../inventory/decimal';
import { useAttemptKey } from '../orders/mutations';
import { RegionBadges, useRegionMap } from '../orders/regions';
import { PO_STATUS } from '../orders/status';
import type { QueuePo } from './api';
import { useStartRun } from './mutations';

/** The PO the station works on: its notes for the stamper and Start Run while it is open. */
export function CurrentPoCard({ po, active, onStarted }: { po: QueuePo; active: boolean; onStarted: (id: string) => void }) {
  const can = useCan();
  const regions = useRegionMap();
  const start = useStartRun();
  const attempt = useAttemptKey();
  const startRun = () =>
    start.mutate({ poId: po.id, input: undefined, key: attempt.keyFor(po.id) }, {
      onSuccess: (p) => {
        attempt.settle();
        notifySuccess(`${p.number} is in production: scan its boxes.`);
        onStarted(p.id);
      },
      onError: (err) => {
        // another station started it a moment before: the run is what was wanted, so join it
        if (err instanceof ApiError && err.code === 'state.illegal_transition' && (err.problem as { currentStatus?: string }).currentStatus === 'in_production') {
          attempt.settle();
          notifySuccess(`${po.number} was already started at another station: scan its boxes.`);
          onStarted(po.id);
          return;
        }
        notifyError(err);
      },
    });

  return (
    <Card withBorder radius="lg" padding="lg" data-testid="current-po" data-number={po.number} data-status={po.status}
      style={{ borderLeft: `6px solid var(--mantine-color-${PO_STATUS[po.status].color}-6)` }}>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={700}>{active ? 'Active order' : 'Selected order'}</Text>
          <Group gap="xs">
            <Title order={3}>{po.number}</Title>
            <Badge color={PO_STATUS[po.status].color} variant="light">{PO_STATUS[po.status].label}</Badge>
            {po.urgent && <Badge color="red" leftSection={<IconFlame size={12} />}>Urgent</Badge>}
          </Group>
          <Group gap="xs">
            <Text size="sm">{po.customerCode} · {formatDecimal(po.qty)} units to stamp</Text>
            <RegionBadges codes={po.regions} regions={regions} size="xs" />
          </Group>
        </Stack>
        <Group gap="xs">
          {po.status === 'open' && can('stamping.run') && (
            <Button size="lg" leftSection={<IconPlayerPlay size={20} />} loading={start.isPending} onClick={startRun} data-testid="start-run">Start Run</Button>
          )}
          {po.status === 'pending_verification' && can('stamping.verify') && (
            <Button variant="light" color="orange" leftSection={<IconShieldCheck size={18} />} data-testid="current-verify"
              renderRoot={(props) => <Link to="/stamping/orders/$poId/verify" params={{ poId: po.id }} {...props} />}>
              Verify
            </Button>
          )}
        </Group>
      </Group>
      {po.notes && (
        <Alert mt="md" color="yellow" variant="light" icon={<IconNote />} title="Notes for the stamper" data-testid="current-po-notes">
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{po.notes}</Text>
        </Alert>
      )}
    </Card>
  );
}
