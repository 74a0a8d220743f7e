import type { EntryFilter } from '../api/stock';
import { plantInstant } from '../../../ui/plant-day';
import { addDays } from '../../stamping/orders/days';

/** The ledger explorer's filters, kept in the address so a filtered view can be shared. */
export interface LedgerSearch {
  itemId?: string;
  variantId?: string;
  locationId?: string;
  lotId?: string;
  grade?: string;
  /** the kind of document: receipt, issue, … */
  action?: string;
  /** first day, YYYY-MM-DD (the plant's) */
  from?: string;
  /** last day, inclusive */
  to?: string;
}

const ID = /^[0-9a-f-]{36}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A grade code as the API takes it (contracts/grades.ts): lowercase slug. */
const GRADE = /^[a-z][a-z0-9_-]{0,29}$/;
const ACTION = /^(receipt|issue|transfer|adjustment|count|production|return)$/;

export function validateLedgerSearch(search: Record<string, unknown>): LedgerSearch {
  const pick = (key: keyof LedgerSearch, pattern: RegExp) => {
    const v = search[key];
    return typeof v === 'string' && pattern.test(v) ? v : undefined;
  };
  return {
    itemId: pick('itemId', ID),
    variantId: pick('variantId', ID),
    locationId: pick('locationId', ID),
    lotId: pick('lotId', ID),
    grade: pick('grade', GRADE),
    action: pick('action', ACTION),
    from: pick('from', DAY),
    to: pick('to', DAY),
  };
}

/** The plant's midnight starting a day, as the API's ISO instant. */
const startOf = (day: string): string | undefined => plantInstant(day)?.toISOString();

/** The API filter: days become instants, the last day included (`to` is exclusive there). */
export function toEntryFilter(s: LedgerSearch): EntryFilter {
  return {
    itemId: s.itemId,
    variantId: s.variantId,
    // a warehouse picked means its zones and slots too, as a person reading the ledger expects
    underLocationId: s.locationId,
    lotId: s.lotId,
    grade: s.grade,
    documentType: s.action,
    from: s.from ? startOf(s.from) : undefined,
    to: s.to ? startOf(addDays(s.to, 1)) : undefined,
  };
}

export const hasFilters = (s: LedgerSearch): boolean => Object.values(s).some((v) => v !== undefined);
