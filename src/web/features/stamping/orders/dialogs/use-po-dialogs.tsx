import { useCallback, useState } from 'react';
import { newIdempotencyKey } from '../../../../api/client';
import { notifyError, notifySuccess } from '../../../../ui/notify';
import { useSticky } from '../../../../ui/use-sticky';
import { usePo, type CapacityWarning, type PoDto } from '../api';
import { useSchedulePo } from '../mutations';
import { canEditLines, canSplit } from '../status';
import { showCapacityWarnings } from './capacity-warning';
import { CancelPoModal } from './CancelPoModal';
import { EditLinesModal } from './EditLinesModal';
import { ScheduleModal, scheduledText } from './ScheduleModal';
import { SplitModal, type SplitSeed } from './SplitModal';

export type PoDialog = 'schedule' | 'edit' | 'split' | 'cancel';

interface Opened {
  kind: PoDialog;
  poId: string;
  seed?: SplitSeed;
}

/**
 * The dialogs that change a PO, opened by id from anywhere on a page (a button, or a choice in the
 * capacity warning toast); `warn` shows that toast for a command's answer.
 */
export function usePoDialogs() {
  const [opened, setOpened] = useState<Opened | null>(null);
  const shown = useSticky(opened);
  const po = usePo(shown?.poId ?? null).data ?? null;
  const schedule = useSchedulePo();
  const { mutate: reschedule } = schedule;

  const warn = useCallback(function warn(target: PoDto, warnings: CapacityWarning[]) {
    const first = warnings[0];
    if (!first) return;
    const splittable = canSplit(target);
    showCapacityWarnings(target, warnings, {
      reduce: canEditLines(target) ? () => setOpened({ kind: 'edit', poId: target.id }) : undefined,
      movePart: splittable ? () => setOpened({ kind: 'split', poId: target.id, seed: { day: first.day, exceededBy: first.exceededBy } }) : undefined,
      autoSplit: splittable
        ? () => reschedule({ input: { id: target.id, day: target.day ?? first.day, autoSplit: true }, key: newIdempotencyKey() }, {
            onSuccess: (r) => {
              notifySuccess(scheduledText(r.po));
              warn(r.po, r.warnings);
            },
            onError: (err) => notifyError(err, `Could not auto-split ${target.number}`),
          })
        : undefined,
    });
  }, [reschedule]);

  const open = useCallback((kind: PoDialog, poId: string) => setOpened({ kind, poId }), []);
  const close = () => setOpened(null);
  const is = (kind: PoDialog) => opened?.kind === kind && po !== null;
  const dialogPo = shown && po?.id === shown.poId ? po : null;

  const dialogs = (
    <>
      <ScheduleModal po={dialogPo} opened={is('schedule')} onClose={close} onWarnings={warn} />
      <EditLinesModal po={dialogPo} opened={is('edit')} onClose={close} onWarnings={warn} />
      <SplitModal po={dialogPo} seed={shown?.seed ?? null} opened={is('split')} onClose={close} onWarnings={warn} />
      <CancelPoModal po={dialogPo} opened={is('cancel')} onClose={close} />
    </>
  );
  return { open, warn, dialogs };
}
