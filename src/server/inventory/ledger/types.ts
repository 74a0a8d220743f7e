/** One line of stock movement as a document asks for it; `qty` is a signed decimal string. */
export interface EntryDraft {
  variantId: string;
  locationId: string;
  lotId: string | null;
  grade: string;
  qty: string;
  /** Incoming: the unit cost the document gives. */
  unitCost?: string | null;
  /** Incoming: index of an outgoing draft of this batch whose value it carries (transfers). */
  costFrom?: number;
  /** Incoming: an earlier outgoing entry of another document whose value it carries in proportion
   * to quantity (a return of part of an issue). */
  costFromEntryId?: string;
  /** Incoming production output: its weight in sharing the value the document consumed. */
  costShare?: string;
  /** A reversal: the entry it cancels (same key, opposite quantity, dated like it). */
  reversesEntryId?: string;
  line: number;
  reason?: string | null;
  serialId?: string | null;
}

/** What was written; values are read with the document (they may change with later back-dating). */
export interface PostedEntry {
  id: string;
  keyId: string;
  qty: string;
  line: number;
}

export interface LockedBalance {
  key_id: string;
  qty: string;
  reserved: string;
  in_qty: string;
  out_qty: string;
  last_posted_at: Date | null;
  allow_negative: boolean;
}
