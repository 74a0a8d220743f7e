import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconFilterOff } from '@tabler/icons-react';
import { formatDecimal } from '../../../inventory/decimal';
import { regionColour, useRegionMap } from '../../orders/regions';
import type { ConfirmResultDto, ScanBoxDto, ScanLine } from '../api';
import { useCan } from '../../../../auth/me';
import { CorrectVariantModal } from './CorrectVariantModal';
import { confirmPayload, initialChoices, overEstimates, overEstimateText, stampsByRegion, type Choices } from './line-state';
import { ScanLineRow } from './ScanLineRow';
import { ShortageModal } from './ShortageModal';
import { useConfirmFlow } from './use-confirm';

interface Props {
  poId: string;
  shipmentId: string;
  box: ScanBoxDto;
  stickyRegion: string | null;
  onConfirmed: (r: ConfirmResultDto) => void;
  onSkipped: () => void;
  onClearFilter: () => void;
  /** read the box again (a line's product was corrected) */
  onReload: () => void;
}

/** The scanned box: its lines, the stamps it takes per region, and Confirm once it is stamped. */
export function ScannedBox({ poId, shipmentId, box, stickyRegion, onConfirmed, onSkipped, onClearFilter, onReload }: Props) {
  const can = useCan();
  const [correcting, setCorrecting] = useState<ScanLine | null>(null);
  const regions = useRegionMap();
  const [choices, setChoices] = useState<Choices>(() => initialChoices(box, stickyRegion));
  const flow = useConfirmFlow(poId, onConfirmed, onSkipped);
  const payload = confirmPayload(box, choices);
  const stamps = stampsByRegion(box, choices);
  // allowed (a box is stamped whole), but said before Confirm: verification will wait for an increase
  const over = overEstimates(box, choices);
  const allStamped = box.lines.length > 0 && box.lines.every((l) => l.stamped);

  return (
    <Card withBorder radius="lg" padding="md" data-testid="scanned-box" data-box={box.boxId} data-box-no={box.boxNo}>
      <Group justify="space-between" mb="sm">
        <Title order={4}>{box.brand} #{box.boxNo}</Title>
        <Group gap="xs">
          {box.skipped && <Badge color="gray">Skipped on this run</Badge>}
          {box.lines.length > 1 && <Badge variant="outline">Mixed box · {box.lines.length} lines</Badge>}
        </Group>
      </Group>
      <Stack gap="sm">
        {box.hiddenOtherBrandLines > 0 && (
          <Alert color="blue" variant="light" data-testid="hidden-lines">
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">
                {box.hiddenOtherBrandLines === 1 ? '1 other-brand line hidden — clear the filter to see it' : `${box.hiddenOtherBrandLines} other-brand lines hidden — clear the filter to see them`}
              </Text>
              <Button size="xs" variant="white" leftSection={<IconFilterOff size={14} />} onClick={onClearFilter}>Clear filter</Button>
            </Group>
          </Alert>
        )}
        {box.lines.map((l) => (
          <ScanLineRow key={l.boxLineId} line={l} choice={choices[l.boxLineId]!} regions={regions} pickable={box.lines.length > 1}
            onChange={(next) => setChoices((c) => ({ ...c, [l.boxLineId]: next }))}
            onCorrect={can('stamping.receive') ? () => setCorrecting(l) : undefined} />
        ))}
        {over.length > 0 && (
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} title="Past the order's estimate" data-testid="box-over-estimate">
            {over.map((o) => <Text key={o.poLineId} size="sm" data-testid="box-over-estimate-line">{overEstimateText(o, regions.get(o.regionCode)?.name ?? o.regionCode)}</Text>)}
          </Alert>
        )}
        <Group justify="space-between" align="center">
          <Group gap="xs" data-testid="box-stamps">
            <Text size="sm" c="dimmed">Stamps:</Text>
            {stamps.length === 0 && <Text size="sm" c="dimmed">none</Text>}
            {stamps.map(([code, n]) => (
              <Badge key={code} size="lg" color={regionColour(regions, code)} variant="light" data-testid="box-stamps-region" data-region={code} data-stamps={n}>
                {regions.get(code)?.name ?? code} · {formatDecimal(n)}
              </Badge>
            ))}
          </Group>
          <Button leftSection={<IconCheck size={18} />} disabled={!payload || allStamped} loading={flow.pending && !flow.shortage}
            onClick={() => payload && flow.send(payload)} data-testid="confirm-box">
            Confirm
          </Button>
        </Group>
        {flow.error && !flow.shortage && <Alert color="red" data-testid="confirm-error">{flow.error}</Alert>}
      </Stack>
      <ShortageModal shortage={flow.shortage} error={flow.error} confirming={flow.pending} skipping={flow.skipping}
        onCancel={flow.cancel} onSkip={flow.skip} onOverride={flow.override} />
      <CorrectVariantModal shipmentId={shipmentId} line={correcting} onClose={() => setCorrecting(null)} onCorrected={onReload} />
    </Card>
  );
}
