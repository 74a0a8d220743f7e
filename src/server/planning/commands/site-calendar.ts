import type { Ctx } from '../../kernel/context';
import { runCommand } from '../../kernel/run-command';
import { loadSite } from '../site';
import { daysOverCap } from '../bookings';
import { localDay } from '../days';

/** Sets a site's daily cap and working weekdays; bookings stay, and days over the new cap warn. */
export function updateSite(ctx: Ctx, siteId: string, input: { name?: string; dailyCap?: string; workingDays?: number[] }, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'planning.update-site', input: { siteId, ...input }, idempotencyKey }, async (cmd) => {
    const before = await loadSite(cmd, siteId, { lock: true });
    await cmd.query(
      `update planning_site set name = coalesce($2, name), daily_cap = coalesce($3, daily_cap),
         working_days = coalesce($4::smallint[], working_days), updated_at = now() where id = $1`,
      [siteId, input.name ?? null, input.dailyCap ?? null, input.workingDays ? [...new Set(input.workingDays)].sort() : null],
    );
    const { calendar: _c, cap, ...after } = await loadSite(cmd, siteId);
    const { calendar: _c2, cap: _cap2, ...was } = before;
    cmd.audit({ entityType: 'planning_site', entityId: siteId, before: was, after });
    cmd.emit({ topic: 'planning.site-updated', summary: `${cmd.actor.label} changed the calendar of ${after.name}`, payload: { siteId }, permission: 'planning.read' });
    // bookings stay where they are: the days the new cap leaves over it are named, from today on
    const warnings = await daysOverCap(cmd, siteId, localDay(cmd.now), cap);
    return { ...after, warnings };
  });
}

/** Closes a day (a holiday, maintenance); runs booked on it stay and show on a closed day. */
export function closeDay(ctx: Ctx, siteId: string, input: { day: string; reason?: string | null }, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'planning.close-day', input: { siteId, ...input }, idempotencyKey }, async (cmd) => {
    await loadSite(cmd, siteId, { lock: true });
    await cmd.query(
      `insert into planning_closed_day (site_id, day, reason) values ($1, $2, $3) on conflict (site_id, day) do update set reason = excluded.reason`,
      [siteId, input.day, input.reason ?? null],
    );
    const [{ runs }] = (await cmd.query<{ runs: number }>('select count(*)::int as runs from planning_booking where site_id = $1 and day = $2', [siteId, input.day])) as [{ runs: number }];
    cmd.audit({ entityType: 'planning_site', entityId: siteId, after: { closedDay: input.day, reason: input.reason ?? null, runsStillBooked: runs } });
    cmd.emit({ topic: 'planning.day-closed', summary: `${cmd.actor.label} closed ${input.day}`, payload: { siteId, day: input.day }, permission: 'planning.read' });
    return { day: input.day, reason: input.reason ?? null, runsStillBooked: runs };
  });
}

export function reopenDay(ctx: Ctx, siteId: string, day: string, idempotencyKey?: string | null) {
  return runCommand(ctx, { name: 'planning.reopen-day', input: { siteId, day }, idempotencyKey }, async (cmd) => {
    await loadSite(cmd, siteId, { lock: true });
    const removed = await cmd.query('delete from planning_closed_day where site_id = $1 and day = $2 returning day', [siteId, day]);
    cmd.audit({ entityType: 'planning_site', entityId: siteId, after: { reopenedDay: day, wasClosed: removed.length > 0 } });
    cmd.emit({ topic: 'planning.day-reopened', summary: `${cmd.actor.label} reopened ${day}`, payload: { siteId, day }, permission: 'planning.read' });
    return { day, reopened: removed.length > 0 };
  });
}
