import type { KeyboardEvent } from 'react';
import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { isZero } from '../../../inventory/decimal';
import type { CalendarDay } from '../api';
import { isoWeekday, shortDay, weekdayName } from '../days';
import type { RegionMap } from '../regions';
import { CapacityBar } from './CapacityBar';
import { PoChip } from './PoChip';
import type { CalendarDrag } from './use-drag';

/** Why a day takes no work: its closing reason, or that the line does not work that weekday. */
export const dayOffReason = (d: CalendarDay): string | null =>
  d.closedReason ?? (d.working ? null : isoWeekday(d.day) >= 6 ? 'Weekend' : 'Not a working day');

/** How many chips a month tile shows before "+N more" (the drawer lists them all). */
const MONTH_CHIPS = 3;

/**
 * One day of the calendar: capacity, and its POs in queue order. Read-only by click (it opens the
 * day's drawer); POs are moved by dragging their chips onto a working day.
 */
export function DayTile({ day, compact, outside, isToday, regions, pending, drag, canPlan, onOpen }: {
  day: CalendarDay;
  compact: boolean;
  /** a day of the neighbouring month in the month view */
  outside: boolean;
  isToday: boolean;
  regions: RegionMap;
  pending: ReadonlySet<string>;
  drag: CalendarDrag;
  canPlan: boolean;
  onOpen: (day: string) => void;
}) {
  const over = !isZero(day.exceededBy);
  const off = dayOffReason(day);
  const hovered = drag.over === day.day;
  const shown = compact ? day.pos.slice(0, MONTH_CHIPS) : day.pos;
  const open = () => onOpen(day.day);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open();
    }
  };
  return (
    <Paper
      withBorder
      radius="md"
      p={6}
      role="button"
      tabIndex={0}
      aria-label={`${weekdayName(day.day)} ${shortDay(day.day)}: ${day.pos.length} ${day.pos.length === 1 ? 'PO' : 'POs'}${off ? `, ${off}` : ''}${over ? ', over capacity' : ''}`}
      onClick={open}
      onKeyDown={onKey}
      {...drag.zoneProps(day.day, day.day, canPlan && day.working)}
      data-testid="calendar-day"
      data-day={day.day}
      data-working={day.working}
      data-over={over || undefined}
      style={{
        minHeight: compact ? 110 : 220,
        cursor: 'pointer',
        opacity: outside ? 0.55 : 1,
        background: hovered ? 'var(--mantine-color-indigo-0)' : off ? 'var(--mantine-color-gray-1)' : undefined,
        border: over ? '2px solid var(--mantine-color-red-6)' : hovered ? '2px dashed var(--mantine-color-indigo-5)' : undefined,
      }}
    >
      <Stack gap={4}>
        <Group justify="space-between" gap={4} wrap="nowrap">
          <Text size="sm" fw={isToday ? 800 : 600} c={off ? 'dimmed' : undefined}>
            {compact ? shortDay(day.day) : `${weekdayName(day.day)} ${shortDay(day.day)}`}
          </Text>
          {isToday && <Badge size="xs" variant="filled">Today</Badge>}
        </Group>
        {off && (
          <Text size="xs" c="dimmed" fs="italic" data-testid="day-off-reason" lineClamp={2}>
            {off}
          </Text>
        )}
        {(day.working || !isZero(day.booked)) && <CapacityBar day={day} />}
        <Stack gap={3} data-testid="day-queue">
          {shown.map((po, i) => (
            <div key={po.id} data-queue-index={i}>
              <PoChip
                po={po}
                day={day.day}
                regions={regions}
                compact={compact}
                pending={pending.has(po.id)}
                drag={drag.chipProps({ id: po.id, number: po.number, fromDay: day.day, fromIndex: i }, canPlan && !pending.has(po.id))}
              />
            </div>
          ))}
          {day.pos.length > shown.length && (
            <Text size="xs" c="dimmed">
              +{day.pos.length - shown.length} more
            </Text>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}
