import { useCallback, useRef, useState, type DragEvent } from 'react';

/** The PO being dragged, and where it sits now (null day: the Unscheduled tray). */
export interface DragPo {
  id: string;
  number: string;
  fromDay: string | null;
  fromIndex: number | null;
}

/** Where a chip was dropped: a day and a place in its queue (none: the end), or off the calendar. */
export interface DropTarget {
  day: string | null;
  position?: number;
}

const MIME = 'application/x-shopfloor-po';

/**
 * The place in a day's queue a drop lands on: before the chip under the pointer, or after it when
 * the pointer is on its lower half. The dragged chip leaves its own place first (the server takes
 * it out of the queue before inserting), so a move down a day counts one place less.
 */
function queuePosition(e: DragEvent, day: string, po: DragPo): number | undefined {
  const chip = (e.target as HTMLElement).closest<HTMLElement>('[data-queue-index]');
  if (!chip) return undefined;
  const rect = chip.getBoundingClientRect();
  let at = Number(chip.dataset.queueIndex) + (e.clientY > rect.top + rect.height / 2 ? 1 : 0);
  if (po.fromDay === day && po.fromIndex !== null && po.fromIndex < at) at -= 1;
  return at;
}

/**
 * Native HTML5 drag and drop between day tiles and the Unscheduled tray. The dragged PO is kept
 * here as well as in dataTransfer, because a drop zone may not read the data during dragover.
 */
export function useCalendarDrag(onMove: (po: DragPo, target: DropTarget) => void) {
  const dragging = useRef<DragPo | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const [active, setActive] = useState(false);

  const chipProps = useCallback((po: DragPo, enabled: boolean) => (enabled ? {
    draggable: true,
    onDragStart: (e: DragEvent) => {
      e.stopPropagation();
      e.dataTransfer.setData(MIME, po.id);
      e.dataTransfer.setData('text/plain', po.number);
      e.dataTransfer.effectAllowed = 'move';
      dragging.current = po;
      setActive(true);
    },
    onDragEnd: () => {
      dragging.current = null;
      setActive(false);
      setOver(null);
    },
  } : { draggable: false }), []);

  /** A drop zone: a working day (`day`), or the tray (`day` null) which takes a PO off the calendar. */
  const zoneProps = useCallback((zone: string, day: string | null, accepts: boolean) => (accepts ? {
    onDragOver: (e: DragEvent) => {
      if (!dragging.current) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      setOver(zone);
    },
    onDragLeave: (e: DragEvent) => {
      if (!(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node | null)) setOver((o) => (o === zone ? null : o));
    },
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      const po = dragging.current;
      dragging.current = null;
      setActive(false);
      setOver(null);
      if (!po) return;
      if (day === null) {
        if (po.fromDay !== null) onMove(po, { day: null });
        return;
      }
      const position = queuePosition(e, day, po);
      const unchanged = po.fromDay === day && (position === undefined ? false : position === po.fromIndex);
      if (!unchanged) onMove(po, { day, position });
    },
  } : {}), [onMove]);

  return { chipProps, zoneProps, over, active };
}

export type CalendarDrag = ReturnType<typeof useCalendarDrag>;
