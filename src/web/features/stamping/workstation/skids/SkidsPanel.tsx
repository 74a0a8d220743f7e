import { useState } from 'react';
import { Badge, Button, Card, Group, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { IconStack2 } from '@tabler/icons-react';
import { useCan } from '../../../../auth/me';
import type { Run } from '../api';
import { BoxCard } from './BoxCard';
import { CompleteSkidModal } from './CompleteSkidModal';
import { SkidDetailModal } from './SkidDetailModal';
import { SkidList } from './SkidList';

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
        <SkidList skids={run.skids} onOpen={setOpenSkid} />
      </Card>
      <CompleteSkidModal poId={run.po.id} skids={run.skids} stagedBoxes={stagedBoxes} opened={completing} onClose={() => setCompleting(false)} />
      <SkidDetailModal poId={run.po.id} skidId={openSkid} skids={run.skids} editable={editable} onClose={() => setOpenSkid(null)} />
    </Stack>
  );
}
