import { useState } from 'react';
import { Button, Card } from '@mantine/core';
import { IconAdjustmentsHorizontal, IconPlus } from '@tabler/icons-react';
import { useNavigate, useRouterState } from '@tanstack/react-router';
import { useCan } from '../../../auth/me';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryState } from '../../../ui/QueryState';
import { useSticky } from '../../../ui/use-sticky';
import { useCalendar, useUnscheduled } from './api';
import { shiftView, today, viewRange } from './days';
import { useRegionMap } from './regions';
import { CalendarToolbar, type CalendarView } from './calendar/CalendarToolbar';
import { CapacityCalendar } from './calendar/CapacityCalendar';
import { UnscheduledTray } from './calendar/UnscheduledTray';
import { DayDrawer } from './calendar/DayDrawer';
import { useCalendarDrag } from './calendar/use-drag';
import { useScheduleDrop } from './use-schedule-drop';
import { usePoDialogs } from './dialogs/use-po-dialogs';
import { NewPoModal } from './form/NewPoModal';
import { CalendarSettingsModal } from './settings/CalendarSettingsModal';
import { OrdersTable } from './OrdersTable';
import { RequestsInbox } from '../requests/RequestsInbox';

/** `?shipment=<id>` opens the New PO form with that shipment chosen (a link from a shipment). */
const useShipmentParam = (): string | null =>
  useRouterState({ select: (s) => { const v = (s.location.search as Record<string, unknown>).shipment; return typeof v === 'string' ? v : null; } });

/** Production orders: the capacity calendar first (drag chips to plan the line), then the list. */
export function OrdersPage() {
  const can = useCan();
  const canPlan = can('stamping.plan');
  const navigate = useNavigate();
  const shipmentParam = useShipmentParam();
  const [view, setView] = useState<CalendarView>('week');
  const [anchor, setAnchor] = useState(today);
  const [openDay, setOpenDay] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [settings, setSettings] = useState(false);
  const { from, to } = viewRange(view, anchor);
  const calendar = useCalendar(from, to);
  const unscheduled = useUnscheduled();
  const regions = useRegionMap();
  const { warn, dialogs } = usePoDialogs();
  const { pending, onMove } = useScheduleDrop(warn);
  const drag = useCalendarDrag(onMove);
  const days = calendar.data?.days ?? [];
  // the drawer keeps its day while it animates closed, and follows live changes to it
  const shownDay = useSticky(openDay);
  const drawerDay = days.find((d) => d.day === shownDay) ?? null;

  const closeNewPo = () => {
    setCreating(false);
    if (shipmentParam) void navigate({ to: '/stamping/orders', replace: true });
  };

  return (
    <>
      <PageHeader
        title="Production orders"
        description="Plan the stamping line: drag POs between days, keep each day under its cap."
        actions={
          <>
            {can('planning.manage') && (
              <Button variant="default" leftSection={<IconAdjustmentsHorizontal size={18} />} disabled={!calendar.data} onClick={() => setSettings(true)} data-testid="calendar-settings">
                Calendar settings
              </Button>
            )}
            {canPlan && (
              <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)} data-testid="new-po">
                New PO
              </Button>
            )}
          </>
        }
      />
      <Card withBorder radius="lg" padding="md" mb="lg">
        <CalendarToolbar
          view={view}
          from={from}
          to={to}
          anchor={anchor}
          onView={setView}
          onStep={(step) => setAnchor((a) => shiftView(view, a, step))}
          onToday={() => setAnchor(today())}
        />
        <UnscheduledTray pos={unscheduled.data ?? []} regions={regions} pending={pending} drag={drag} canPlan={canPlan} />
        <QueryState pending={calendar.isPending} error={calendar.error}>
          <CapacityCalendar
            days={days}
            view={view}
            month={anchor.slice(0, 7)}
            regions={regions}
            pending={pending}
            drag={drag}
            canPlan={canPlan}
            onOpenDay={setOpenDay}
          />
        </QueryState>
      </Card>
      <RequestsInbox regions={regions} onWarnings={warn} />
      <OrdersTable regions={regions} />
      <DayDrawer day={drawerDay} opened={openDay !== null} onClose={() => setOpenDay(null)} regions={regions} />
      {canPlan && <NewPoModal opened={creating || shipmentParam !== null} shipmentId={shipmentParam} onClose={closeNewPo} onWarnings={warn} />}
      {can('planning.manage') && <CalendarSettingsModal siteId={calendar.data?.siteId ?? null} opened={settings} onClose={() => setSettings(false)} />}
      {dialogs}
    </>
  );
}
