import { ActionIcon, Button, Group, SegmentedControl, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { monthName, shortDay, type Day } from '../days';

export type CalendarView = 'week' | 'month';

/** Week or month, and previous / today / next. */
export function CalendarToolbar({ view, from, to, anchor, onView, onStep, onToday }: {
  view: CalendarView;
  from: Day;
  to: Day;
  anchor: Day;
  onView: (view: CalendarView) => void;
  onStep: (step: -1 | 1) => void;
  onToday: () => void;
}) {
  const title = view === 'week' ? `${shortDay(from)} – ${shortDay(to)} ${to.slice(0, 4)}` : monthName(`${anchor.slice(0, 7)}-01`);
  return (
    <Group justify="space-between" mb="sm" wrap="wrap" gap="sm">
      <Group gap="xs">
        <ActionIcon variant="default" size="lg" aria-label={`Previous ${view}`} onClick={() => onStep(-1)} data-testid="calendar-prev">
          <IconChevronLeft size={18} />
        </ActionIcon>
        <Button variant="default" size="sm" onClick={onToday} data-testid="calendar-today">
          Today
        </Button>
        <ActionIcon variant="default" size="lg" aria-label={`Next ${view}`} onClick={() => onStep(1)} data-testid="calendar-next">
          <IconChevronRight size={18} />
        </ActionIcon>
        <Text fw={650} ml="xs" data-testid="calendar-title">
          {title}
        </Text>
      </Group>
      <SegmentedControl
        size="sm"
        value={view}
        onChange={(v) => onView(v as CalendarView)}
        data={[{ value: 'week', label: 'Week' }, { value: 'month', label: 'Month' }]}
        data-testid="calendar-view"
      />
    </Group>
  );
}
