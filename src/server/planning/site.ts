import Decimal from '../../contracts/exact-decimal';
import type { SiteDto } from '../../contracts/planning';
import type { Queryable } from '../kernel/db/types';
import { DomainError } from '../kernel/errors';
import type { Day, WorkingCalendar } from './days';

interface SiteRow { id: string; code: string; name: string; location_id: string | null; daily_cap: string; working_days: number[] }

const toDto = (r: SiteRow): SiteDto => ({ id: r.id, code: r.code, name: r.name, locationId: r.location_id, dailyCap: r.daily_cap, workingDays: r.working_days.map(Number) });

/**
 * A site with its calendar; `lock` holds it for the transaction, so bookings on it queue. The lock
 * is NO KEY UPDATE: rows that merely reference the site (a new PO) must not block it, or two
 * commands that each inserted such a row would deadlock waiting for each other's lock.
 */
export async function loadSite(q: Queryable, siteId: string, opts: { lock?: boolean; from?: Day; to?: Day } = {}): Promise<SiteDto & { calendar: WorkingCalendar; cap: Decimal }> {
  const [row] = await q.query<SiteRow>(`select * from planning_site where id = $1${opts.lock ? ' for no key update' : ''}`, [siteId]);
  if (!row) throw new DomainError('planning.site_not_found', 'No such planning site.');
  const closed = await q.query<{ day: string }>(
    `select day::text as day from planning_closed_day where site_id = $1 and ($2::date is null or day >= $2) and ($3::date is null or day <= $3)`,
    [siteId, opts.from ?? null, opts.to ?? null],
  );
  const site = toDto(row);
  return { ...site, cap: new Decimal(site.dailyCap), calendar: { workingDays: site.workingDays, closed: new Set(closed.map((c) => c.day)) } };
}

export const listSites = async (q: Queryable): Promise<SiteDto[]> => (await q.query<SiteRow>('select * from planning_site order by code')).map(toDto);

export const listClosedDays = (q: Queryable, siteId: string, from: Day) =>
  q.query<{ day: string; reason: string | null }>('select day::text as day, reason from planning_closed_day where site_id = $1 and day >= $2 order by day', [siteId, from]);
