import type { CSSProperties } from 'react';
import { Alert, Box, Stack, useMatches } from '@mantine/core';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryState } from '../../../ui/QueryState';
import { formatIsoDay } from '../shipments/format';
import { useRun, useWorkstation } from './api';
import { CurrentPoCard } from './CurrentPoCard';
import { DayCounters } from './DayCounters';
import { QueueList } from './QueueList';
import { RunPanel } from './scan/RunPanel';
import { SkidsPanel } from './skids/SkidsPanel';
import { AllocationCards } from './AllocationCards';

interface Props {
  /** `?day=2031-05-05`: another day's queue; null: today's */
  day: string | null;
  /** `?po=…`: the PO the operator picked, kept in the address so a reload or back / forward keeps it */
  picked: string | null;
  /** picks a PO; `replace` for a pick the operator did not make as such (starting a run) */
  onPick: (poId: string, replace?: boolean) => void;
}

/**
 * The stamping workstation: the day's queue (today's with earlier days' runs not yet done) with
 * the active PO (the run in production, else an ended run with boxes still to put on a skid, else
 * the first not waiting for verification) on top, per-region counters, scanning once the run is started, its allocations and skids on the right.
 * Narrower than a desktop (a station tablet), the allocations and skids come right after scanning
 * and the queue last: Complete Skid stays near the scan box.
 */
export function WorkstationPage({ day, picked, onPick }: Props) {
  const ws = useWorkstation(day);
  const queue = ws.data?.queue ?? [];
  // the run in production is the active order; else an ended run whose boxes still wait for a
  // skid (verification waits for them); else the first not waiting for verification
  const active = queue.find((p) => p.status === 'in_production')
    ?? queue.find((p) => p.status === 'pending_verification' && p.stagedBoxes > 0)
    ?? queue.find((p) => p.status !== 'pending_verification') ?? null;
  // the picked PO: a started run stays on screen until another is picked, even once fully stamped
  const current = queue.find((p) => p.id === picked) ?? active;
  const running = current !== null && current.status !== 'open';
  const run = useRun(running ? current.id : null);
  // the run's allocations and skids, once it has started and loaded
  const started = running ? run.data : undefined;
  const wide = useMatches({ base: false, lg: true });

  return (
    <>
      <PageHeader title="Production" description={ws.data ? `Stamping line · ${formatIsoDay(ws.data.day)}` : 'Stamping line'} />
      <QueryState pending={ws.isPending} error={ws.error}>
        {ws.data && (
          <Stack>
            <DayCounters regions={ws.data.counters.regions}
              caption={day === null ? 'Stamps by region: stamped today, left in the ledger' : `Stamps by region: stamped on ${formatIsoDay(ws.data.day)}, left in the ledger now`} />
            {/* one tree at every width (a tablet turned mid-run keeps the scanned box): only the areas move */}
            <Box style={layout(wide, started !== undefined)}>
              <Stack style={{ gridArea: 'main' }}>
                {current ? (
                  <CurrentPoCard po={current} active={current.id === active?.id} onStarted={(id) => onPick(id, true)} />
                ) : (
                  <Alert color="gray" data-testid="queue-empty">No production order is waiting on this day.</Alert>
                )}
                {current && running && <RunPanel key={current.id} poId={current.id} />}
              </Stack>
              <Box style={{ gridArea: 'queue' }}>
                <QueueList day={ws.data.day} queue={queue} selectedId={current?.id ?? null} onSelect={(id) => { if (id !== picked) onPick(id); }} />
              </Box>
              {started && (
                <Stack style={{ gridArea: 'side' }}>
                  <AllocationCards po={started.po} />
                  <SkidsPanel run={started} />
                </Stack>
              )}
            </Box>
          </Stack>
        )}
      </QueryState>
    </>
  );
}

/** Desktop: the run and the queue on the left, its allocations and skids beside them; else one column. */
function layout(wide: boolean, withSide: boolean): CSSProperties {
  const grid: CSSProperties = { display: 'grid', gap: 'var(--mantine-spacing-md)', alignItems: 'start' };
  if (wide) return { ...grid, gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr)', gridTemplateRows: 'auto 1fr', gridTemplateAreas: '"main side" "queue side"' };
  return { ...grid, gridTemplateColumns: 'minmax(0, 1fr)', gridTemplateAreas: withSide ? '"main" "side" "queue"' : '"main" "queue"' };
}
