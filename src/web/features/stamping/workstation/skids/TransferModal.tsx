import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { messageOf } from '../../../../api/problem';
import { notifySuccess } from '../../../../ui/notify';
import { useAttemptKey } from '../../orders/mutations';
import type { SkidDto } from '../api';
import { useTransferBoxes, type TransferInput } from '../mutations';
import { PlaceSelect } from './PlaceSelect';
import { transferMessage } from './skid-messages';
import { FormFooter } from '../../../../ui/FormFooter';

const NEW = 'new';

/** `boxes`: the physical boxes the ticked lines are (a mixed box moves whole, so it counts once). */
interface Props { poId: string; from: SkidDto | null; others: SkidDto[]; runBoxIds: string[]; boxes: number; opened: boolean; onClose: () => void; onMoved: (emptied: string[]) => void }

/** Moves the ticked boxes to another skid of this PO or a new one, with one reason for the batch. */
export function TransferModal({ poId, from, others, runBoxIds, boxes, opened, onClose, onMoved }: Props) {
  const transfer = useTransferBoxes();
  const attempt = useAttemptKey();
  const [dest, setDest] = useState<string | null>(null);
  const [place, setPlace] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!opened) return;
    setDest(others[0]?.id ?? NEW);
    setPlace(from?.locationId ?? null);
    setReason('');
    setError(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 3) return setError('Give a reason (at least 3 characters).');
    if (dest === NEW && !place) return setError('Pick a zone or slot for the new skid.');
    const input: TransferInput = dest === NEW ? { runBoxIds, locationId: place!, reason: reason.trim() } : { runBoxIds, toSkidId: dest!, reason: reason.trim() };
    setError(null);
    transfer.mutate({ poId, input, key: attempt.keyFor(input) }, {
      onSuccess: (r) => {
        attempt.settle();
        notifySuccess(transferMessage(r));
        onMoved(r.emptied);
      },
      onError: (err) => setError(messageOf(err)),
    });
  };

  const options = [...others.map((s) => ({ value: s.id, label: `${s.label} · ${s.boxes} ${s.boxes === 1 ? 'box' : 'boxes'} · ${s.locationPath}` })), { value: NEW, label: 'A new skid' }];
  return (
    <Modal opened={opened} onClose={onClose} title={`Transfer from ${from?.label ?? 'skid'}`} size="md" data-testid="transfer-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" data-testid="transfer-count">{boxes} selected box{boxes === 1 ? '' : 'es'}, every line of each.</Text>
          <Select label="Destination" data={options} value={dest} onChange={setDest} allowDeselect={false} comboboxProps={{ withinPortal: true }} data-testid="transfer-dest" />
          {dest === NEW && <PlaceSelect value={place} onChange={setPlace} testId="transfer-place" />}
          <TextInput label="Reason" required value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid="transfer-reason" />
          {error && <Alert color="red" data-testid="transfer-error">{error}</Alert>}
          <FormFooter submitLabel="Transfer" loading={transfer.isPending} onCancel={onClose} testId="transfer" />
        </Stack>
      </form>
    </Modal>
  );
}
