import { useMemo, useState } from 'react';
import Decimal from '../../../../../contracts/exact-decimal';
import { Alert, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { notifySuccess } from '../../../../ui/notify';
import { QueryState } from '../../../../ui/QueryState';
import { formatDecimal } from '../../../inventory/decimal';
import { useBrands } from '../../setup/api';
import { useRun, type ConfirmResultDto, type Run } from '../api';
import { BoxQueue } from './BoxQueue';
import { FinishRunButton } from './FinishRunButton';
import { ScanStation } from './ScanStation';

/** Brands of this run's boxes and lines, for the brand filter. */
function useRunBrands(run: Run | undefined) {
  const brands = useBrands();
  return useMemo(() => {
    const names = new Set([...(run?.queue ?? []).map((b) => b.brand), ...(run?.staged ?? []).map((b) => b.brand), ...(run?.po.lines ?? []).map((l) => l.brand)]);
    return (brands.data ?? []).filter((b) => names.has(b.name)).map((b) => ({ value: b.id, label: b.name }));
  }, [brands.data, run]);
}

/** Over-estimate lines as people read them: "Grape — Linvo · 30mL · 20mg (Ontario) by 5". */
const overText = (r: ConfirmResultDto, lines: Run['po']['lines']) =>
  r.overEstimate.map((o) => {
    const line = lines.find((l) => l.id === o.poLineId);
    return `${line ? `${line.label} (${line.regionName})` : 'A line'} by ${formatDecimal(o.by)}`;
  });

/** Verification waits for staged boxes: the station is told to put them on a skid first. */
const runEndedText = (number: string, staged: number) =>
  staged === 0
    ? `The run has ended: ${number} waits for verification by a second user.`
    : `The run has ended: complete the skid with the ${staged === 1 ? 'confirmed box' : `${staged} confirmed boxes`} still staged; then ${number} can be verified by a second user.`;

/** Scanning mode: the scan form, the boxes still to stamp, progress, and Finish run. */
export function RunPanel({ poId }: { poId: string }) {
  const run = useRun(poId);
  const brands = useRunBrands(run.data);
  const [over, setOver] = useState<string[]>([]);
  const po = run.data?.po;
  const percent = po && !new Decimal(po.totalQty).isZero() ? Decimal.min(new Decimal(po.stampedQty).div(po.totalQty).times(100), 100).toNumber() : 0;

  const confirmed = (r: ConfirmResultDto) => {
    const box = r.confirmed[0];
    const stamps = r.confirmed.reduce((sum, b) => sum.plus(b.stamps), new Decimal(0));
    notifySuccess(box ? `${box.brand} #${box.boxNo} confirmed: ${formatDecimal(stamps.toString())} stamps.` : 'Box confirmed.');
    if (r.overEstimate.length) setOver(overText(r, po?.lines ?? []));
    if (r.po.status === 'pending_verification') notifySuccess(`${r.po.number}: the last box is confirmed; it waits for verification.`);
  };

  return (
    <Card withBorder radius="lg" padding="lg" data-testid="run-panel" data-po={poId}>
      <QueryState pending={run.isPending} error={run.error}>
        {run.data && po && (
          <Stack>
            <Group justify="space-between" align="flex-start">
              <Stack gap={2}>
                <Title order={3}>Scanning {po.number}</Title>
                <Text size="sm" c="dimmed">{po.customerName} · {po.shipmentNumber}</Text>
              </Stack>
              {po.status === 'in_production' && <FinishRunButton po={po} />}
            </Group>
            <Stack gap={4}>
              <Group justify="space-between">
                <Text size="sm">Stamped</Text>
                <Text size="sm" fw={650} data-testid="run-progress">{formatDecimal(po.stampedQty)} / {formatDecimal(po.totalQty)}</Text>
              </Group>
              <Progress value={percent} size="lg" radius="xl" />
            </Stack>
            {over.length > 0 && (
              <Alert color="red" icon={<IconAlertTriangle />} title="More stamped than the order authorises" withCloseButton onClose={() => setOver([])} data-testid="over-estimate">
                {over.join('; ')}. Verification refuses this until the verifier increases the line.
              </Alert>
            )}
            {po.status === 'in_production' ? (
              <ScanStation poId={poId} shipmentId={po.shipmentId} stickyRegion={run.data.stickyRegion} brands={brands} onConfirmed={confirmed} />
            ) : (
              <Alert color="orange" data-testid="run-ended">{runEndedText(po.number, new Set(run.data.staged.map((b) => b.boxId)).size)}</Alert>
            )}
            <BoxQueue boxes={run.data.queue} />
          </Stack>
        )}
      </QueryState>
    </Card>
  );
}
