import { useState } from 'react';
import { Badge, Button, Card, Group, ScrollArea, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconStack2 } from '@tabler/icons-react';
import { useCan } from '../../../../auth/me';
import { formatDecimal } from '../../../inventory/decimal';
import type { Run } from '../api';
import { BoxCard } from './BoxCard';
import { CompleteSkidModal } from './CompleteSkidModal';
import { SkidDetailModal } from './SkidDetailModal';

/** The right-hand panel: boxes staged for the current skid, Complete Skid, and the PO's skids. */
export function SkidsPanel({ run }: { run: Run }) {
  const can = useCan();
  const [completing, setCompleting] = useState(false);
  const [openSkid, setOpenSkid] = useState<string | null>(null);
  const stagedBoxes = new Set(run.staged.map((b) => b.boxId)).size;
  const editable = run.po.status !== 'completed' && can('stamping.run');

  return (
    <Stack>
      <Card withBorder radius="lg" padding="md" data-testid="current-skid">
        <Group justify="space-between" mb="sm">
          <Title order={4}>Current skid</Title>
          <Badge variant="light" data-testid="staged-count">{stagedBoxes} box{stagedBoxes === 1 ? '' : 'es'}</Badge>
        </Group>
        {run.staged.length === 0 ? (
          <Text size="sm" c="dimmed">Confirmed boxes stage here until the skid is complete.</Text>
        ) : (
          <ScrollArea.Autosize mah={360}>
            <Stack gap={6}>{run.staged.map((b) => <BoxCard key={b.id} item={b} />)}</Stack>
          </ScrollArea.Autosize>
        )}
        {editable && (
          <Button mt="md" fullWidth leftSection={<IconStack2 size={18} />} disabled={run.staged.length === 0} onClick={() => setCompleting(true)} data-testid="complete-skid">
            Complete Skid
          </Button>
        )}
      </Card>
      <Card withBorder radius="lg" padding="md" data-testid="skids">
        <Title order={4} mb="sm">Skids</Title>
        {run.skids.length === 0 ? (
          <Text size="sm" c="dimmed">No skid completed yet.</Text>
        ) : (
          <Stack gap={6}>
            {run.skids.map((s) => (
              <UnstyledButton key={s.id} onClick={() => setOpenSkid(s.id)} data-testid="skid" data-label={s.label} data-boxes={s.boxes}
                style={{ borderRadius: 'var(--mantine-radius-md)', padding: '8px 12px', background: 'var(--mantine-color-gray-0)' }}>
                <Group justify="space-between" wrap="nowrap">
                  <Stack gap={0}>
                    <Text fw={650}>{s.label}</Text>
                    <Text size="xs" c="dimmed">{s.locationPath}</Text>
                  </Stack>
                  <Stack gap={0} align="flex-end">
                    <Text size="sm">{s.boxes} box{s.boxes === 1 ? '' : 'es'}</Text>
                    <Text size="xs" c="dimmed">{formatDecimal(s.stamped)} stamped</Text>
                  </Stack>
                </Group>
              </UnstyledButton>
            ))}
          </Stack>
        )}
      </Card>
      <CompleteSkidModal poId={run.po.id} skids={run.skids} stagedBoxes={stagedBoxes} opened={completing} onClose={() => setCompleting(false)} />
      <SkidDetailModal poId={run.po.id} skidId={openSkid} skids={run.skids} editable={editable} onClose={() => setOpenSkid(null)} />
    </Stack>
  );
}
