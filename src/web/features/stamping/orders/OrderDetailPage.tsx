import { Alert, Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconFlame } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useCan } from '../../../auth/me';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryState } from '../../../ui/QueryState';
import { usePo } from './api';
import { PO_STATUS } from './status';
import { usePoDialogs } from './dialogs/use-po-dialogs';
import { PoFacts } from './detail/PoFacts';
import { PoLinesTable } from './detail/PoLinesTable';
import { SegmentsTable } from './detail/SegmentsTable';
import { PoActions } from './detail/PoActions';
import { VerifyLink } from './detail/VerifyLink';
import { RunCard } from './detail/RunCard';

const toOrder = (id: string) => (props: Record<string, unknown>) => <Link to="/stamping/orders/$poId" params={{ poId: id }} {...props} />;

/** One production order: its state, lines, segments, its run's skids and outbound, and what a planner may still change. */
export function OrderDetailPage({ poId }: { poId: string }) {
  const can = useCan();
  const po = usePo(poId);
  const { open, warn, dialogs } = usePoDialogs();
  const p = po.data;

  return (
    <>
      <Anchor size="sm" mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }} renderRoot={(props) => <Link to="/stamping/orders" {...props} />}>
        <IconArrowLeft size={14} /> Production orders
      </Anchor>
      <QueryState pending={po.isPending} error={po.error}>
        {p && (
          <>
            <PageHeader
              title={p.number}
              description={
                <Group gap="xs" component="span">
                  <Badge color={PO_STATUS[p.status].color} variant="light" data-testid="po-detail-status" data-status={p.status}>{PO_STATUS[p.status].label}</Badge>
                  {p.urgent && <Badge color="red" leftSection={<IconFlame size={12} />} data-testid="po-detail-urgent">Urgent</Badge>}
                  {p.parentId && (
                    <Text span size="sm">
                      Segment {p.segmentNo} of <Anchor size="sm" renderRoot={toOrder(p.parentId)} data-testid="po-parent-link">{p.parentNumber}</Anchor>
                    </Text>
                  )}
                </Group>
              }
              actions={
                <Group gap="xs">
                  {p.status === 'pending_verification' && <VerifyLink poId={p.id} />}
                  {can('stamping.plan') && <PoActions po={p} onOpen={open} onWarnings={warn} />}
                </Group>
              }
            />
            <Stack>
              {p.reverificationRequired && (
                <Alert color="orange" icon={<IconAlertTriangle />} title="Re-verification required" data-testid="po-reverification">
                  A line was increased after production started: the run must be verified again before it can complete.
                </Alert>
              )}
              {p.status === 'cancelled' && p.cancelReason && (
                <Alert color="gray" title="Cancelled">{p.cancelReason}</Alert>
              )}
              <Card withBorder radius="lg" padding="md">
                <PoFacts po={p} />
              </Card>
              <Card withBorder radius="lg" padding="md">
                <Title order={4} mb="sm">Lines</Title>
                <PoLinesTable po={p} />
              </Card>
              {['in_production', 'pending_verification', 'completed'].includes(p.status) && p.segments.length === 0 && <RunCard po={p} />}
              {p.segments.length > 0 && (
                <Card withBorder radius="lg" padding="md">
                  <Title order={4} mb="sm">Segments</Title>
                  <SegmentsTable po={p} />
                </Card>
              )}
              <Card withBorder radius="lg" padding="md">
                <Title order={4} mb="xs">Notes for the stamper</Title>
                <Text size="sm" c={p.notes ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-line' }} data-testid="po-notes">{p.notes ?? 'No notes.'}</Text>
              </Card>
            </Stack>
          </>
        )}
      </QueryState>
      {dialogs}
    </>
  );
}
