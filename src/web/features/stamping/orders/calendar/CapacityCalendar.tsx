import { Box, Text } from '@mantine/core';
import type { CalendarDay } from '../api';
import { today, weekdayName } from '../days';
import type { RegionMap } from '../regions';
import { DayTile } from './DayTile';
import type { CalendarDrag } from './use-drag';

/** Weekend columns are narrower in the week view: the line rarely works them. */
const COLUMNS = { week: 'repeat(5, minmax(0, 3fr)) repeat(2, minmax(0, 2fr))', month: 'repeat(7, minmax(0, 1fr))' };

/** The days of a week or of a month's whole weeks, Monday first. */
export function CapacityCalendar({ days, view, month, regions, pending, drag, canPlan, onOpenDay }: {
  days: CalendarDay[];
  view: 'week' | 'month';
  /** "2026-11": days outside it are faded in the month view */
  month: string;
  regions: RegionMap;
  pending: ReadonlySet<string>;
  drag: CalendarDrag;
  canPlan: boolean;
  onOpenDay: (day: string) => void;
}) {
  const now = today();
  return (
    <Box style={{ overflowX: 'auto' }}>
      <Box style={{ display: 'grid', gridTemplateColumns: COLUMNS[view], gap: 6, minWidth: 860 }} data-testid="capacity-calendar" data-view={view}>
        {view === 'month' &&
          days.slice(0, 7).map((d) => (
            <Text key={`h-${d.day}`} size="xs" fw={700} c="dimmed" ta="center" tt="uppercase">
              {weekdayName(d.day)}
            </Text>
          ))}
        {days.map((d) => (
          <DayTile
            key={d.day}
            day={d}
            compact={view === 'month'}
            outside={view === 'month' && !d.day.startsWith(month)}
            isToday={d.day === now}
            regions={regions}
            pending={pending}
            drag={drag}
            canPlan={canPlan}
            onOpen={onOpenDay}
          />
        ))}
      </Box>
    </Box>
  );
}
