import { newIdempotencyKey } from '../../../api/client';
import type { Cells } from './grid';

/**
 * A request form kept in localStorage per user and shipment until the server confirms it: a
 * closed tab, a failed submit or a reload loses nothing. The draft also keeps the Idempotency-Key
 * of its last attempt: sending the same payload again (even after a reload) reuses it, so the
 * server applies the request at most once; a changed payload is a new attempt with a new key.
 */
export interface RequestDraft {
  cells: Cells;
  requestedDay: string | null;
  deliveryDate: string;
  deliveryDetails: string;
  attempt: { key: string; body: string } | null;
}

export const emptyDraft = (): RequestDraft => ({ cells: {}, requestedDay: null, deliveryDate: '', deliveryDetails: '', attempt: null });

const storageKey = (userId: string, shipmentId: string) => `shopfloor.portal.request-draft.${userId}.${shipmentId}`;

export function loadDraft(userId: string, shipmentId: string): RequestDraft {
  try {
    const raw = localStorage.getItem(storageKey(userId, shipmentId));
    return raw ? { ...emptyDraft(), ...(JSON.parse(raw) as Partial<RequestDraft>) } : emptyDraft();
  } catch {
    return emptyDraft();
  }
}

export function saveDraft(userId: string, shipmentId: string, draft: RequestDraft): void {
  try {
    localStorage.setItem(storageKey(userId, shipmentId), JSON.stringify(draft));
  } catch {
    // storage full or blocked: the form still works, it just does not survive a reload
  }
}

export function clearDraft(userId: string, shipmentId: string): void {
  try {
    localStorage.removeItem(storageKey(userId, shipmentId));
  } catch {
    /* nothing kept */
  }
}

/** The key for sending `payload`: the last attempt's when the payload is the same, else a new one. */
export function attemptFor(draft: RequestDraft, payload: unknown): RequestDraft['attempt'] & object {
  const body = JSON.stringify(payload);
  return draft.attempt?.body === body ? draft.attempt : { key: newIdempotencyKey(), body };
}
