import Decimal from '../../contracts/exact-decimal';
import type { CapacityWarning } from '../../contracts/planning';
import type { Queryable } from '../kernel/db/types';
import type { CommandTx } from '../kernel/run-command';
import { DomainError } from '../kernel/errors';
import { groupThousands } from '../kernel/quantity-text';
import { addDays, isWorkingDay, type Day } from './days';
import { loadSite } from './site';
import { SPLIT_REACH_DAYS, splitAcrossDays, type SplitPart } from './split';

/** What is booked per day on a site between two days (both included). */
export async function bookedByDay(q: Queryable, siteId: string, from: Day, to: Day): Promise<Map<Day, Decimal>> {
  const rows = await q.query<{ day: string; qty: string }>(
    `select day::text as day, sum(qty)::text as qty from planning_booking where site_id = $1 and day between $2 and $3 group by day`,
    [siteId, from, to],
  );
  return new Map(rows.map((r) => [r.day, new Decimal(r.qty)]));
}

export interface BookingInput {
  runType: string;
  runId: string;
  siteId: string;
  day: Day;
  qty: string;
  urgent?: boolean;
  /** place in the day's queue, 0 = top; default: the end (the top for an urgent run) */
  position?: number;
}

/**
 * Books a run onto a working day (moving it if it was booked elsewhere) at a place in the day's
 * queue, and answers the warning when the day goes over its cap: going over is the planner's
 * choice, never a refusal. Takes the site's lock, so concurrent bookings see each other.
 */
export async function book(cmd: CommandTx, b: BookingInput): Promise<CapacityWarning | null> {
  const site = await loadSite(cmd, b.siteId, { lock: true, from: b.day, to: b.day });
  if (!isWorkingDay(site.calendar, b.day)) {
    throw new DomainError('planning.not_a_working_day', `${b.day} is not a working day.`, { errors: [{ field: 'day', message: 'not a working day' }] });
  }
  await cmd.query('delete from planning_booking where run_type = $1 and run_id = $2', [b.runType, b.runId]);
  const queue = await cmd.query<{ run_type: string; run_id: string }>(
    'select run_type, run_id from planning_booking where site_id = $1 and day = $2 order by sequence, booked_at, run_id',
    [b.siteId, b.day],
  );
  const at = Math.min(b.position ?? (b.urgent ? 0 : queue.length), queue.length);
  const order = [...queue.slice(0, at), { run_type: b.runType, run_id: b.runId }, ...queue.slice(at)];
  await cmd.query(
    `insert into planning_booking (run_type, run_id, site_id, day, qty, urgent, sequence, booked_at) values ($1, $2, $3, $4, $5, $6, 0, $7)`,
    [b.runType, b.runId, b.siteId, b.day, b.qty, b.urgent ?? false, cmd.now],
  );
  // renumber the day's queue in its new order
  await cmd.query(
    `update planning_booking p set sequence = o.seq - 1
     from unnest($1::text[], $2::uuid[]) with ordinality as o(run_type, run_id, seq)
     where p.run_type = o.run_type and p.run_id = o.run_id`,
    [order.map((o) => o.run_type), order.map((o) => o.run_id)],
  );
  return capacityWarning(cmd, b.siteId, b.day, site.cap);
}

/** Changes the quantity a booked run takes (a PO line edit), with the warning if its day goes over. */
export async function rebook(cmd: CommandTx, runType: string, runId: string, qty: string): Promise<CapacityWarning | null> {
  const [row] = await cmd.query<{ site_id: string; day: string }>('select site_id, day::text as day from planning_booking where run_type = $1 and run_id = $2', [runType, runId]);
  if (!row) return null;
  const site = await loadSite(cmd, row.site_id, { lock: true, from: row.day, to: row.day });
  await cmd.query('update planning_booking set qty = $3 where run_type = $1 and run_id = $2', [runType, runId, qty]);
  return capacityWarning(cmd, row.site_id, row.day, site.cap);
}

/**
 * Lowers what a booked run still takes from its day as work gets done. Less booked can never
 * push a day over its cap, so this takes no site lock: stations confirming work on the same day
 * do not queue on each other here.
 */
export async function shrinkBooking(cmd: CommandTx, runType: string, runId: string, qty: string): Promise<void> {
  await cmd.query('update planning_booking set qty = least(qty, $3::numeric) where run_type = $1 and run_id = $2', [runType, runId, qty]);
}

/** Takes a run off its day; the day's queue closes up behind it (places stay 0, 1, 2, …). */
export async function unbook(cmd: CommandTx, runType: string, runId: string): Promise<void> {
  const [gone] = await cmd.query<{ site_id: string; day: string }>(
    'delete from planning_booking where run_type = $1 and run_id = $2 returning site_id, day::text as day', [runType, runId],
  );
  if (!gone) return;
  await cmd.query(
    `update planning_booking p set sequence = o.seq from (
       select run_type, run_id, row_number() over (order by sequence, booked_at, run_id) - 1 as seq
       from planning_booking where site_id = $1 and day = $2) o
     where p.run_type = o.run_type and p.run_id = o.run_id and p.sequence <> o.seq`,
    [gone.site_id, gone.day],
  );
}

export async function bookingOf(q: Queryable, runType: string, runId: string): Promise<{ day: Day; sequence: number } | undefined> {
  const [row] = await q.query<{ day: string; sequence: number }>('select day::text as day, sequence from planning_booking where run_type = $1 and run_id = $2', [runType, runId]);
  return row;
}

async function capacityWarning(q: Queryable, siteId: string, day: Day, cap: Decimal): Promise<CapacityWarning | null> {
  return overCap(day, (await bookedByDay(q, siteId, day, day)).get(day) ?? new Decimal(0), cap);
}

/** The warning for a day booked past its cap, or null. */
function overCap(day: Day, booked: Decimal, cap: Decimal): CapacityWarning | null {
  if (booked.lte(cap)) return null;
  const over = booked.minus(cap);
  return { code: 'capacity.exceeded', day, exceededBy: over.toString(), message: `Day capacity exceeded by ${groupThousands(over.toString())} units` };
}

/**
 * Plans `qty` from `start` over consecutive working days with free capacity (see split.ts), under
 * the site's lock so two splits cannot both count the same free capacity.
 */
export async function planSplit(cmd: CommandTx, siteId: string, start: Day, qty: Decimal): Promise<SplitPart[]> {
  const to = addDays(start, SPLIT_REACH_DAYS);
  const site = await loadSite(cmd, siteId, { lock: true, from: start, to });
  const booked = await bookedByDay(cmd, siteId, start, to);
  const parts = splitAcrossDays(qty, start, site.calendar, site.cap, (d) => booked.get(d) ?? new Decimal(0));
  if (!parts) throw new DomainError('planning.no_capacity', `No room for ${qty.toString()} units within ${SPLIT_REACH_DAYS} days of ${start}.`, { errors: [{ field: 'day', message: 'no free capacity in reach' }] });
  return parts;
}

/** The first working day on or after `from` that still has free capacity: where urgent runs go. */
export async function nextDayWithRoom(cmd: CommandTx, siteId: string, from: Day): Promise<Day> {
  const parts = await planSplit(cmd, siteId, from, new Decimal('0.000001'));
  return parts[0]!.day;
}

/** Days from `from` on whose bookings exceed the cap (after the cap or the working days change). */
export async function daysOverCap(q: Queryable, siteId: string, from: Day, cap: Decimal): Promise<CapacityWarning[]> {
  const days = await q.query<{ day: string; booked: string }>(
    'select day::text as day, sum(qty)::text as booked from planning_booking where site_id = $1 and day >= $2 group by day having sum(qty) > $3 order by day',
    [siteId, from, cap.toString()],
  );
  return days.map((d) => overCap(d.day, new Decimal(d.booked), cap)!);
}
