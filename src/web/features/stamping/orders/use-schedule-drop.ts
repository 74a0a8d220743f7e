import { useCallback, useState } from 'react';
import { newIdempotencyKey } from '../../../api/client';
import { notifyError } from '../../../ui/notify';
import type { CapacityWarning, PoDto } from './api';
import { useSchedulePo } from './mutations';
import type { DragPo, DropTarget } from './calendar/use-drag';

/**
 * A dropped chip becomes POST …/schedule {day, position}. The chip shows as pending until the
 * server answered and the calendar was refetched; nothing moves before that, and a refusal leaves
 * it where it was with the problem shown.
 */
export function useScheduleDrop(onWarnings: (po: PoDto, warnings: CapacityWarning[]) => void) {
  const { mutateAsync } = useSchedulePo();
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());

  const mark = (id: string, on: boolean) =>
    setPending((p) => {
      const next = new Set(p);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const onMove = useCallback(async (po: DragPo, target: DropTarget) => {
    mark(po.id, true);
    try {
      // one key per drop: each drop is its own command
      const r = await mutateAsync({ input: { id: po.id, day: target.day, position: target.position }, key: newIdempotencyKey() });
      onWarnings(r.po, r.warnings);
    } catch (err) {
      notifyError(err, `Could not move ${po.number}`);
    } finally {
      mark(po.id, false);
    }
  }, [mutateAsync, onWarnings]);

  return { pending, onMove };
}
