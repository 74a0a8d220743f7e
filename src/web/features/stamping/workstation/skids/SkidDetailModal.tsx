import { useEffect, useState } from 'react';
import { Anchor, Button, Checkbox, Group, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { IconArrowsTransferUp, IconFileTypePdf, IconTrash } from '@tabler/icons-react';
import { ConfirmModal } from '../../../../ui/ConfirmModal';
import { QueryState } from '../../../../ui/QueryState';
import { notifyError, notifySuccess } from '../../../../ui/notify';
import { useSticky } from '../../../../ui/use-sticky';
import { formatDecimal } from '../../../inventory/decimal';
import { useAttemptKey } from '../../orders/mutations';
import { skidLabelUrl, useSkid, type SkidDto } from '../api';
import { useDeleteSkid } from '../mutations';
import { BoxCard } from './BoxCard';
import { TransferModal } from './TransferModal';
import { SkidHistory } from './SkidHistory';
import { pickedBoxes } from './skid-messages';

interface Props { poId: string; skidId: string | null; skids: SkidDto[]; editable: boolean; onClose: () => void }

/** A completed skid: its box cards, multi-select transfer to another skid, its label, delete. */
export function SkidDetailModal({ poId, skidId, skids, editable, onClose }: Props) {
  const shown = useSticky(skidId);
  const skid = useSkid(poId, shown);
  const remove = useDeleteSkid();
  const removeKey = useAttemptKey();
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [transferring, setTransferring] = useState(false);
  const [deleting, setDeleting] = useState(false);
  useEffect(() => setPicked(new Set()), [skidId]);

  const items = skid.data?.items ?? [];
  const all = items.length > 0 && picked.size === items.length;
  // a ticked line moves its whole box: counted as boxes, as on the floor
  const pickedCount = pickedBoxes(items, picked);
  const toggle = (id: string, on: boolean) => setPicked((p) => { const n = new Set(p); if (on) n.add(id); else n.delete(id); return n; });
  const del = () => {
    if (!shown) return;
    remove.mutate({ poId, input: { skidId: shown }, key: removeKey.keyFor(shown) }, {
      onSuccess: (r) => {
        removeKey.settle();
        notifySuccess(`${r.label} deleted: its boxes are staged again.`);
        setDeleting(false);
        onClose();
      },
      onError: (err) => notifyError(err),
    });
  };

  const s = skid.data;
  return (
    <Modal opened={skidId !== null} onClose={onClose} title={s?.label ?? 'Skid'} size="xl" data-testid="skid-detail">
      <QueryState pending={skid.isPending} error={skid.error}>
        {s && (
          <Stack>
            <Group justify="space-between">
              <Text size="sm">{s.locationPath} · {s.boxes} boxes · {formatDecimal(s.stamped)} stamped · {formatDecimal(s.damaged)} damaged · {formatDecimal(s.missing)} missing</Text>
              <Anchor href={skidLabelUrl(poId, s.id)} target="_blank" rel="noopener" size="sm" data-testid="skid-label-pdf">
                <Group gap={4} component="span"><IconFileTypePdf size={16} /> Label (PDF)</Group>
              </Anchor>
            </Group>
            {editable && items.length > 0 && (
              <Group justify="space-between">
                <Checkbox label="Select all" checked={all} indeterminate={picked.size > 0 && !all} data-testid="skid-select-all"
                  onChange={(e) => setPicked(e.currentTarget.checked ? new Set(items.map((i) => i.id)) : new Set())} />
                <Button variant="light" leftSection={<IconArrowsTransferUp size={18} />} disabled={picked.size === 0} onClick={() => setTransferring(true)} data-testid="transfer-selected">
                  Transfer selected ({pickedCount})
                </Button>
              </Group>
            )}
            <ScrollArea.Autosize mah={420}>
              <Stack gap={6}>
                {items.length === 0 && <Text size="sm" c="dimmed">This skid holds no boxes.</Text>}
                {items.map((i) => (
                  <BoxCard key={i.id} item={i} leading={editable && <Checkbox checked={picked.has(i.id)} onChange={(e) => toggle(i.id, e.currentTarget.checked)} aria-label={`Select ${i.brand} #${i.boxNo}`} data-testid="skid-box-pick" />} />
                ))}
              </Stack>
            </ScrollArea.Autosize>
            {s.amendments.length > 0 && <SkidHistory amendments={s.amendments} />}
            {editable && (
              <Group justify="flex-end">
                <Button variant="subtle" color="red" leftSection={<IconTrash size={18} />} onClick={() => setDeleting(true)} data-testid="skid-delete">Delete skid</Button>
              </Group>
            )}
            <TransferModal poId={poId} from={s} others={skids.filter((x) => x.id !== s.id)} runBoxIds={[...picked]} boxes={pickedCount} opened={transferring}
              onClose={() => setTransferring(false)} onMoved={(emptied) => { setTransferring(false); setPicked(new Set()); if (emptied.includes(s.label)) onClose(); }} />
            <ConfirmModal opened={deleting} title={`Delete ${s.label}?`} confirmLabel="Delete skid" loading={remove.isPending} onConfirm={del} onClose={() => setDeleting(false)}>
              Its {s.boxes} boxes go back to the current skid and its number is free for the next skid.
            </ConfirmModal>
          </Stack>
        )}
      </QueryState>
    </Modal>
  );
}
