import { Badge, Button, Checkbox, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { formatDecimal } from '../../../inventory/decimal';
import type { RegionMap } from '../../orders/regions';
import type { ScanLine } from '../api';
import { lineError, stampable, type LineChoice } from './line-state';

interface Props {
  line: ScanLine;
  choice: LineChoice;
  regions: RegionMap;
  /** a mixed box: each line gets a checkbox */
  pickable: boolean;
  onChange: (next: LineChoice) => void;
  /** offered on a mismatched line, to whoever may correct receiving */
  onCorrect?: () => void;
}

/** One line of the scanned box: its variant, what it is stamped for, and what was damaged or missing. */
export function ScanLineRow({ line, choice, regions, pickable, onChange, onCorrect }: Props) {
  const can = stampable(line);
  const error = can && choice.include ? lineError(line, choice) : null;
  const set = (patch: Partial<LineChoice>) => onChange({ ...choice, ...patch });
  const regionOptions = line.poLines.map((p) => ({
    value: p.regionCode,
    label: `${regions.get(p.regionCode)?.name ?? p.regionCode} · ${formatDecimal(p.stampedQty)} / ${formatDecimal(p.qty)}`,
  }));

  return (
    <Paper withBorder radius="md" p="sm" data-testid="scan-line" data-line={line.boxLineId} data-stamped={line.stamped} style={{ opacity: can ? 1 : 0.75 }}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" align="flex-start">
          <Group gap="xs" wrap="wrap">
            {pickable && (
              <Checkbox checked={can && choice.include} disabled={!can} onChange={(e) => set({ include: e.currentTarget.checked })} aria-label={`Stamp ${line.label}`} data-testid="scan-line-pick" />
            )}
            <Badge size="lg" variant="light" color="indigo" tt="none" data-testid="variant-chip">{line.label}</Badge>
            {line.stamped && <Badge color="teal" variant="filled">Stamped</Badge>}
            {line.mismatch && <Badge color="orange" variant="filled" leftSection={<IconAlertTriangle size={12} />} data-testid="variant-mismatch">Variant mismatch</Badge>}
            {!line.mismatch && line.poLines.length === 0 && <Badge color="gray">Not on this order</Badge>}
          </Group>
          <Text fw={700} style={{ whiteSpace: 'nowrap' }} data-testid="scan-line-good">{formatDecimal(line.goodQty)} units</Text>
        </Group>
        {line.mismatch && (
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Text size="sm" c="orange.8" data-testid="mismatch-text">{line.mismatch}</Text>
            {onCorrect && !line.stamped && (
              <Button size="xs" variant="light" color="orange" onClick={onCorrect} style={{ flexShrink: 0 }} data-testid="correct-variant-open">Pick a different flavour</Button>
            )}
          </Group>
        )}
        {can && choice.include && (
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Select label="Stamp region" description="stamped / ordered on this PO" data={regionOptions} value={choice.regionCode} allowDeselect={false} onChange={(v) => set({ regionCode: v })} w={250} data-testid="scan-line-region" />
            <TextInput label="Damaged" placeholder="0" inputMode="numeric" autoComplete="off" value={choice.damaged} onChange={(e) => set({ damaged: e.currentTarget.value })} w={100} data-testid="scan-line-damaged" />
            <TextInput label="Missing" placeholder="0" inputMode="numeric" autoComplete="off" value={choice.missing} onChange={(e) => set({ missing: e.currentTarget.value })} w={100} data-testid="scan-line-missing" />
          </Group>
        )}
        {error && <Text size="sm" c="red">{error}</Text>}
      </Stack>
    </Paper>
  );
}
