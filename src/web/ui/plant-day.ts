/**
 * The plant's calendar day. The server counts days in its own time zone (a plant day's counters,
 * "today" on the workstation and the calendar); a browser elsewhere must count them the same way,
 * so the zone comes with the signed-in user (`me.plantTimeZone`). Until then, the browser's own.
 */
let plantZone: string | undefined;

export function setPlantTimeZone(zone: string | undefined): void {
  plantZone = zone;
}

/** `YYYY-MM-DD` of `at` in the plant's zone. */
export function plantDay(at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: plantZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
