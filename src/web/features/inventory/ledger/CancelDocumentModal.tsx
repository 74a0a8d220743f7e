import { useEffect, useState, type FormEvent } from 'react';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import type { StockDocumentDto } from '../../../api/types';
import { newIdempotencyKey } from '../../../api/client';
import { useForm } from '../../../ui/use-form';
import { notifySuccess } from '../../../ui/notify';
import { useCancelDocument } from '../api/stock-commands';

/** Cancelling posts reversing entries dated like the originals; it asks why. */
export function CancelDocumentModal({ doc, opened, onClose }: { doc: StockDocumentDto; opened: boolean; onClose: () => void }) {
  const cancel = useCancelDocument();
  const form = useForm({ reason: '' });
  // one cancellation per opening: a second click (or a retry) replays the first one's answer
  const [key, setKey] = useState(newIdempotencyKey);

  useEffect(() => {
    if (!opened) return;
    form.reset();
    setKey(newIdempotencyKey());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.values.reason.trim()) return form.setErrors({ reason: 'Say why the document is cancelled' });
    cancel.mutate(
      { id: doc.id, reason: form.values.reason.trim(), key },
      {
        onSuccess: (d) => {
          notifySuccess(`${d.number} cancelled.`);
          onClose();
        },
        onError: form.fail,
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={`Cancel ${doc.number}`} size="md" zIndex={400}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            Every entry of {doc.number} is reversed at its original date. The document stays in the ledger, marked cancelled.
          </Text>
          <TextInput label="Reason" required data-autofocus {...form.bind('reason')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Keep it
            </Button>
            <Button type="submit" color="red" loading={cancel.isPending} data-testid="cancel-document-submit">
              Cancel document
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
