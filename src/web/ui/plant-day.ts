/**
 * The plant's clock. The server counts days in its own time zone (a plant day's counters, "today"
 * on the workstation and the calendar); a browser elsewhere must read and write times the same
 * way, so the zone comes with the signed-in user (`me.plantTimeZone`). Until then, the browser's own.
 */
let plantZone: string | undefined;

export function setPlantTimeZone(zone: string | undefined): void {
  plantZone = zone;
}

/**
 * A date formatter in the plant's zone, made again only when the zone changes (at sign-in):
 * building one costs far more than formatting with it.
 */
export function plantFormatter(locale: string | undefined, options: Intl.DateTimeFormatOptions): () => Intl.DateTimeFormat {
  let made: { zone: string | undefined; format: Intl.DateTimeFormat } | undefined;
  return () => {
    if (!made || made.zone !== plantZone) made = { zone: plantZone, format: new Intl.DateTimeFormat(locale, { ...options, timeZone: plantZone }) };
    return made.format;
  };
}

const isoDayFormat = plantFormatter('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });

/** `YYYY-MM-DD` of `at` in the plant's zone. */
export function plantDay(at: Date = new Date()): string {
  return isoDayFormat().format(at);
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * The instant a plant wall-clock reading names: `YYYY-MM-DD` (its midnight) or a `datetime-local`
 * value `YYYY-MM-DDTHH:mm[:ss]`. Undefined for anything else. A reading a clock change skips
 * (spring forward) lands after the gap; one it repeats (fall back) is one of its two moments.
 */
export function plantInstant(wall: string): Date | undefined {
  const m = WALL.exec(wall);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  if (Number.isNaN(asUtc)) return undefined;
  // the zone's offset where the reading falls, asked twice: the first guess may sit across a change
  const first = asUtc - offsetAt(asUtc);
  const second = asUtc - offsetAt(first);
  return new Date(Math.max(first, second));
}

const wallClock = plantFormatter('en-US', { hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });

/** How far the plant's clock is ahead of UTC at an instant, in ms. */
function offsetAt(at: number): number {
  const parts = wallClock().formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(at / 1000) * 1000;
}
