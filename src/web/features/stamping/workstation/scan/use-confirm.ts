import { useState } from 'react';
import { messageOf } from '../../../../api/problem';
import { useAttemptKey } from '../../orders/mutations';
import type { ConfirmResultDto } from '../api';
import { useConfirmBox, useSkipBox, type ConfirmInput } from '../mutations';
import { problemOf } from '../../../../api/problem';

/** The 409 `stamping.stamp_shortage` members: nothing was deducted yet. */
export interface Shortage {
  regionCode: string;
  /** as operators know the region ("Federal"), for the skip's reason */
  regionName: string;
  needed: string;
  available: string;
}

/**
 * Confirming a box: one Idempotency-Key per attempt (the same body sent again after a lost answer
 * reuses it), a shortage held open for the operator's choice — cancel, skip the box, or confirm
 * again with an override reason — and success reported only after the server's 201.
 */
export function useConfirmFlow(poId: string, onConfirmed: (r: ConfirmResultDto) => void, onSkipped: () => void) {
  const [shortage, setShortage] = useState<(Shortage & { input: ConfirmInput }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const confirmKey = useAttemptKey();
  const confirm = useConfirmBox((r) => {
    confirmKey.settle();
    setShortage(null);
    onConfirmed(r);
  });
  const skip = useSkipBox();
  const skipKey = useAttemptKey();

  const send = (input: ConfirmInput) => {
    setError(null);
    confirm.mutate({ poId, input, key: confirmKey.keyFor(input) }, {
      onError: (err) => {
        const short = problemOf<Shortage>(err, 'stamping.stamp_shortage');
        if (short && !input.override) setShortage({ ...short, input });
        else setError(messageOf(err));
      },
    });
  };

  const skipBox = () => {
    if (!shortage) return;
    const input = { boxId: shortage.input.boxId, reason: `Stamp shortage: ${shortage.needed} ${shortage.regionName} stamps needed, ${shortage.available} left` };
    setError(null);
    skip.mutate({ poId, input, key: skipKey.keyFor(input) }, {
      onSuccess: () => {
        skipKey.settle();
        setShortage(null);
        onSkipped();
      },
      onError: (err) => setError(messageOf(err)),
    });
  };

  return {
    send,
    shortage,
    error,
    pending: confirm.isPending,
    skipping: skip.isPending,
    cancel: () => {
      setShortage(null);
      setError(null);
    },
    skip: skipBox,
    override: (reason: string) => shortage && send({ ...shortage.input, override: { reason } }),
  };
}
