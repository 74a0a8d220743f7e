import { useState } from 'react';
import { Button } from '@mantine/core';
import { IconFlagCheck } from '@tabler/icons-react';
import { ConfirmModal } from '../../../../ui/ConfirmModal';
import { notifyError, notifySuccess } from '../../../../ui/notify';
import { formatDecimal } from '../../../inventory/decimal';
import { useAttemptKey } from '../../orders/mutations';
import type { PoDto } from '../../orders/api';
import { useFinishRun } from '../mutations';

/** Ends a run short of its estimate: the PO goes to a second user, who sees the difference. */
export function FinishRunButton({ po }: { po: PoDto }) {
  const finish = useFinishRun();
  const attempt = useAttemptKey();
  const [open, setOpen] = useState(false);
  const submit = () =>
    finish.mutate({ poId: po.id, input: undefined, key: attempt.keyFor(po.id) }, {
      onSuccess: (p) => {
        attempt.settle();
        setOpen(false);
        notifySuccess(`${p.number} waits for verification.`);
      },
      onError: (err) => notifyError(err),
    });
  return (
    <>
      <Button variant="light" color="gray" leftSection={<IconFlagCheck size={18} />} onClick={() => setOpen(true)} data-testid="finish-run">Finish run</Button>
      <ConfirmModal opened={open} title={`Finish ${po.number}?`} confirmLabel="Finish run" color="orange" loading={finish.isPending} onConfirm={submit} onClose={() => setOpen(false)}>
        {formatDecimal(po.stampedQty)} of {formatDecimal(po.totalQty)} units are stamped. The run ends here and a second user verifies the difference.
      </ConfirmModal>
    </>
  );
}
