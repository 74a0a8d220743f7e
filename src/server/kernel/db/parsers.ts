/**
 * Both drivers return the same JS shapes: numeric, int8 and date as strings (exact, no float, no
 * time-zone shift), timestamptz as Date, json/jsonb parsed. PGlite would otherwise turn int8 into
 * a lossy number and pg would turn date into a local-midnight Date.
 */
export const OID = { INT8: 20, NUMERIC: 1700, DATE: 1082 } as const;

export const asText = (value: string): string => value;

export const textParsers: Record<number, (value: string) => string> = {
  [OID.INT8]: asText,
  [OID.NUMERIC]: asText,
  [OID.DATE]: asText,
};
