/** Inventory: the stock ledger and everything that reads it. The module's public surface. */
export { postEntries } from './ledger/post-entries';
export type { EntryDraft, PostedEntry } from './ledger/types';
export { postDocument } from './documents/post-document';
export { cancelDocument } from './documents/cancel-document';
export { postReturn } from './documents/post-return';
export { ownStockSource } from './documents/owned-sources';
export { createLocation, insertLocation } from './commands/locations';
export { postDocumentInTx } from './documents/post-document';
export { createLot, insertLot } from './commands/lots';
export { checkLedger } from './check-ledger';
