import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  AdjustmentInput, BalanceDto, DocumentType, CancelDocumentInput, ConsumeReservation, CountInput, CreateLocation, CreateLot, RenameLocation, IssueInput,
  LocationDto, LotDto, LotTraceDto, ProductionInput, ReceiptApiInput, ReceiveTransferInput, Reserve, ReservationDto, ReservationStatus,
  ReturnInput, StockDocumentDto, StockEntryDto, TransferInput, LocationKind, StockSummaryDto, type StockDocumentInput,
} from '../../contracts/inventory';
import { ItemKind } from '../../contracts/catalog';
import { IdParam, ListQuery, Page } from '../../contracts/common';
import type { AppEnv } from '../http/env';
import { defineRoute, json, jsonBody } from '../http/route';
import { idempotencyKey, sendResult } from '../http/respond';
import { DomainError, invalid } from '../kernel/errors';
import { postDocument } from './documents/post-document';
import { cancelDocument } from './documents/cancel-document';
import { sourceOwner } from './documents/owned-sources';
import { receiveTransfer } from './documents/receive-transfer';
import { postReturn } from './documents/post-return';
import { createLocation, renameLocation } from './commands/locations';
import { createLot } from './commands/lots';
import { consumeReservation, releaseReservation, reserveStock } from './commands/reservations';
import { getDocument } from './queries/get-document';
import { listBalances, listEntries } from './queries/list-stock';
import { exportEntries } from './queries/export-entries';
import { listLocations, listLots } from './queries/list-places';
import { listReservations } from './queries/list-reservations';
import { stockCards } from './queries/stock-summary';
import { traceBackward, traceForward } from './queries/trace';

const tags = ['Stock'];
const StockQuery = ListQuery.omit({ q: true }).extend({
  variantId: z.uuid().optional(), itemId: z.uuid().optional(), locationId: z.uuid().optional(), underLocationId: z.uuid().optional(),
  lotId: z.uuid().optional(), grade: z.string().max(30).optional(),
});
/** The ledger list's filters beyond the stock's own: business-time range and the kind of document. */
const EntryQuery = StockQuery.extend({ from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional(), documentType: DocumentType.optional() });
const Reservation = z.object({ id: z.uuid(), keyId: z.string(), qty: z.string(), status: z.string() }).passthrough();

export function registerInventoryRoutes(app: OpenAPIHono<AppEnv>): void {
  const documentRoute = (path: string, schema: z.ZodType, permission: 'inventory.post' | 'inventory.adjust', summary: string) =>
    app.openapi(
      defineRoute({ method: 'post', path, permission, tags, summary, request: { body: jsonBody(schema) }, responses: { 201: json(StockDocumentDto, 'Posted') } }),
      async (c) => {
        const input = c.req.valid('json' as never) as StockDocumentInput;
        const owner = sourceOwner(input.sourceType);
        if (owner) throw invalid('sourceType', `is reserved for documents ${owner.workflow} posts`);
        return sendResult(c, await postDocument(c.get('ctx'), input, idempotencyKey(c)));
      },
    );
  documentRoute('/api/stock/receipts', ReceiptApiInput, 'inventory.post', 'Receive stock: every line gives its unit cost (0 for goods that cost nothing)');
  documentRoute('/api/stock/issues', IssueInput.omit({ type: true }).extend({ type: z.literal('issue').default('issue') }), 'inventory.post', 'Issue stock');
  documentRoute('/api/stock/transfers', TransferInput.omit({ type: true }).extend({ type: z.literal('transfer').default('transfer') }), 'inventory.post', 'Move stock between locations or grades; with viaLocationId, ship it through a transit location (status in_transit) to be received later');
  documentRoute('/api/stock/adjustments', AdjustmentInput.omit({ type: true }).extend({ type: z.literal('adjustment').default('adjustment') }), 'inventory.adjust', 'Add or subtract stock, with a reason and a note');
  documentRoute('/api/stock/productions', ProductionInput.omit({ type: true }).extend({ type: z.literal('production').default('production') }), 'inventory.post', 'Consume materials and post outputs, which carry the consumed value');
  documentRoute('/api/stock/counts', CountInput.omit({ type: true }).extend({ type: z.literal('count').default('count') }), 'inventory.adjust', 'Set counted figures; the difference is posted');

  app.openapi(
    defineRoute({ method: 'get', path: '/api/stock/documents/{id}', permission: 'inventory.read', tags, summary: 'A stock document with its entries', request: { params: IdParam }, responses: { 200: json(StockDocumentDto) } }),
    async (c) => c.json(await getDocument(c.get('services').db, c.req.valid('param').id), 200),
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/stock/documents/{id}/cancel', permission: 'inventory.adjust', tags, summary: 'Cancel a document: reversing entries dated like the originals', request: { params: IdParam, body: jsonBody(CancelDocumentInput) }, responses: { 200: json(StockDocumentDto) } }),
    async (c) => sendResult(c, await cancelDocument(c.get('ctx'), c.req.valid('param').id, c.req.valid('json').reason, idempotencyKey(c))),
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/stock/documents/{id}/receive', permission: 'inventory.post', tags, summary: 'Receive a transfer in transit: what arrived moves on to its destination; a shortfall stays in transit or arrives in a given grade', request: { params: IdParam, body: jsonBody(ReceiveTransferInput) }, responses: { 200: json(StockDocumentDto) } }),
    async (c) => sendResult(c, await receiveTransfer(c.get('ctx'), c.req.valid('param').id, c.req.valid('json'), idempotencyKey(c))),
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/stock/documents/{id}/returns', permission: 'inventory.post', tags, summary: "Return part of a receipt (to the supplier, valued FIFO) or of an issue (back into stock at the issue's cost); lines name the document's lines", request: { params: IdParam, body: jsonBody(ReturnInput) }, responses: { 201: json(StockDocumentDto, 'Posted') } }),
    async (c) => sendResult(c, await postReturn(c.get('ctx'), c.req.valid('param').id, c.req.valid('json'), idempotencyKey(c))),
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/stock/balances', permission: 'inventory.read', tags, summary: 'Balances per variant, location, lot and grade, now or as of a moment (sort: variant, location, qty)', request: { query: StockQuery.extend({ asOf: z.iso.datetime({ offset: true }).optional(), includeZero: z.enum(['true', 'false']).optional() }) }, responses: { 200: json(Page(BalanceDto)) } }),
    async (c) => {
      const { limit, cursor, sort, asOf, includeZero, ...f } = c.req.valid('query');
      return c.json(await listBalances(c.get('services').db, { ...f, asOf: asOf ? new Date(asOf) : undefined, includeZero: includeZero === 'true' }, { limit, cursor, sort }), 200);
    },
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/stock/summary', permission: 'inventory.read', tags, summary: 'Product cards: store, in production, defects, delivered, serials, low stock; `categories`: those of the cards the other filters list', request: { query: z.strictObject({ q: z.string().max(100).optional(), kind: ItemKind.optional(), category: z.string().max(80).optional(), available: z.enum(['true', 'false']).optional() }) }, responses: { 200: json(z.object({ items: z.array(StockSummaryDto), categories: z.array(z.string()) })) } }),
    async (c) => {
      const { available, ...f } = c.req.valid('query');
      return c.json(await stockCards(c.get('services').db, { ...f, available: available === 'true' }), 200);
    },
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/stock/entries', permission: 'inventory.read', tags, summary: 'The stock ledger, newest first (documentType: receipt, issue, transfer, adjustment, count, production, return)', request: { query: EntryQuery.extend({ documentId: z.uuid().optional() }) }, responses: { 200: json(Page(StockEntryDto)) } }),
    async (c) => {
      const { limit, cursor, sort, ...f } = c.req.valid('query');
      return c.json(await listEntries(c.get('services').db, f, { limit, cursor, sort }), 200);
    },
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/stock/entries/export', permission: 'inventory.read', tags, summary: 'The stock ledger as CSV, newest first, with the filters of the ledger list (streamed: any size)', request: { query: EntryQuery.omit({ limit: true, cursor: true, sort: true }) }, responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } } } }),
    async (c) => c.body(exportEntries(c.get('services').db, c.req.valid('query')), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="stock-ledger.csv"' }) as never,
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/trace/lots/{id}', permission: 'inventory.read', tags, summary: 'Trace a lot backward (what went into it, down to receipts) and forward (what it went into, and where each lot was issued or shipped)', request: { params: IdParam }, responses: { 200: json(LotTraceDto) } }),
    async (c) => {
      const { db } = c.get('services');
      const id = c.req.valid('param').id;
      if (!(await db.query('select 1 from lot where id = $1', [id])).length) throw new DomainError('inventory.lot_not_found', `No lot ${id}.`);
      return c.json({ backward: await traceBackward(db, id), forward: await traceForward(db, id) }, 200);
    },
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/locations', permission: 'inventory.read', tags, summary: 'Locations in path order', request: { query: z.strictObject({ kind: LocationKind.optional(), q: z.string().max(100).optional() }) }, responses: { 200: json(z.object({ items: z.array(LocationDto) })) } }),
    async (c) => c.json({ items: await listLocations(c.get('services').db, c.req.valid('query')) }, 200),
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/locations', permission: 'inventory.manage', tags, summary: 'Create a location (zones and slots inside a warehouse)', request: { body: jsonBody(CreateLocation) }, responses: { 201: json(z.object({ id: z.uuid() }).passthrough(), 'Created') } }),
    async (c) => sendResult(c, await createLocation(c.get('ctx'), c.req.valid('json'), idempotencyKey(c))),
  );
  app.openapi(
    defineRoute({ method: 'patch', path: '/api/locations/{id}', permission: 'inventory.manage', tags, summary: 'Rename a location (its code and path stay)', request: { params: IdParam, body: jsonBody(RenameLocation) }, responses: { 200: json(z.object({ id: z.uuid(), code: z.string(), name: z.string() })) } }),
    async (c) => sendResult(c, await renameLocation(c.get('ctx'), c.req.valid('param').id, c.req.valid('json').name)),
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/lots', permission: 'inventory.read', tags, summary: 'Lots, earliest expiry first', request: { query: z.strictObject({ itemId: z.uuid().optional(), variantId: z.uuid().optional(), q: z.string().max(100).optional() }) }, responses: { 200: json(z.object({ items: z.array(LotDto) })) } }),
    async (c) => c.json({ items: await listLots(c.get('services').db, c.req.valid('query')) }, 200),
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/lots', permission: 'inventory.post', tags, summary: 'Create a lot', request: { body: jsonBody(CreateLot) }, responses: { 201: json(z.object({ id: z.uuid() }).passthrough(), 'Created') } }),
    async (c) => sendResult(c, await createLot(c.get('ctx'), c.req.valid('json'), idempotencyKey(c))),
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/stock/reservations', permission: 'inventory.read', tags, summary: 'Reservations, newest first (status: active, consumed, released, expired; sort: createdAt)', request: { query: ListQuery.omit({ q: true }).extend({ status: ReservationStatus.optional(), variantId: z.uuid().optional(), itemId: z.uuid().optional(), locationId: z.uuid().optional() }) }, responses: { 200: json(Page(ReservationDto)) } }),
    async (c) => {
      const { limit, cursor, sort, ...f } = c.req.valid('query');
      return c.json(await listReservations(c.get('services').db, f, { limit, cursor, sort }), 200);
    },
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/stock/reservations', permission: 'inventory.post', tags, summary: 'Reserve available stock', request: { body: jsonBody(Reserve) }, responses: { 201: json(Reservation, 'Reserved') } }),
    async (c) => sendResult(c, await reserveStock(c.get('ctx'), c.req.valid('json'), idempotencyKey(c))),
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/stock/reservations/{id}/release', permission: 'inventory.post', tags, summary: 'Release what remains of a reservation', request: { params: IdParam }, responses: { 200: json(z.object({ id: z.uuid(), status: z.string(), released: z.string() })) } }),
    async (c) => sendResult(c, await releaseReservation(c.get('ctx'), c.req.valid('param').id, idempotencyKey(c))),
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/stock/reservations/{id}/consume', permission: 'inventory.post', tags, summary: 'Issue reserved stock', request: { params: IdParam, body: jsonBody(ConsumeReservation) }, responses: { 201: json(z.object({ reservationId: z.uuid(), remaining: z.string(), document: StockDocumentDto }), 'Issued') } }),
    async (c) => sendResult(c, await consumeReservation(c.get('ctx'), c.req.valid('param').id, c.req.valid('json').qty, idempotencyKey(c))),
  );
}
