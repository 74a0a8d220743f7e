import { useState } from 'react';
import { Button } from '@mantine/core';
import { IconArchive, IconArchiveOff } from '@tabler/icons-react';
import type { ItemDto } from '../../api/types';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { notifyError, notifySuccess } from '../../ui/notify';
import { useUpdateItem } from './api';

/** Archives an item (asking first) or restores an archived one. */
export function ArchiveButton({ item }: { item: ItemDto }) {
  const update = useUpdateItem(item.id);
  const [asking, setAsking] = useState(false);
  const set = (active: boolean) =>
    update.mutate(
      { active },
      {
        onSuccess: () => {
          notifySuccess(active ? `Item ${item.code} restored.` : `Item ${item.code} archived.`);
          setAsking(false);
        },
        onError: (e) => notifyError(e),
      },
    );

  if (!item.active) {
    return (
      <Button variant="default" leftSection={<IconArchiveOff size={18} />} loading={update.isPending} onClick={() => set(true)} data-testid="restore-item">
        Restore
      </Button>
    );
  }
  return (
    <>
      <Button variant="default" color="gray" leftSection={<IconArchive size={18} />} onClick={() => setAsking(true)} data-testid="archive-item">
        Archive
      </Button>
      <ConfirmModal opened={asking} title={`Archive ${item.code}`} confirmLabel="Archive" color="orange" loading={update.isPending} onConfirm={() => set(false)} onClose={() => setAsking(false)}>
        {item.code} will no longer be offered for new stock. Stock it holds still moves, counts and shows in the ledger; it can be restored at any time.
      </ConfirmModal>
    </>
  );
}
