import { useEffect, type FormEvent } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '../../../../ui/use-form';
import { notifySuccess } from '../../../../ui/notify';
import type { PoDto } from '../api';
import { useAttemptKey, useCancelPo } from '../mutations';

/** Cancelling releases the PO's units and its day; a reason is required, for the audit trail. */
export function CancelPoModal({ po, opened, onClose }: { po: PoDto | null; opened: boolean; onClose: () => void }) {
  const cancel = useCancelPo();
  const attempt = useAttemptKey();
  const form = useForm({ reason: '' });

  useEffect(() => {
    if (opened) form.reset({ reason: '' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!po) return;
    const reason = form.values.reason.trim();
    if (!reason) return form.setErrors({ reason: 'Say why it is cancelled' });
    const input = { id: po.id, reason };
    cancel.mutate({ input, key: attempt.keyFor(input) }, {
      onSuccess: (r) => {
        attempt.settle();
        notifySuccess(`${r.po.number} cancelled.`);
        onClose();
      },
      onError: form.fail,
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={po ? `Cancel ${po.number}` : 'Cancel'} size="md" data-testid="cancel-po-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            Its units go back to the shipment&apos;s availability and its day is freed.
            {po && po.segments.length > 0 && ' Every segment not yet completed is cancelled too.'}
          </Text>
          <Textarea label="Reason" required autosize minRows={2} data-autofocus {...form.bind('reason')} data-testid="cancel-po-reason" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Keep it</Button>
            <Button type="submit" color="red" loading={cancel.isPending} data-testid="cancel-po-submit">Cancel PO</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
