import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  CompleteSkid, CompleteSkidResult, ConfirmBox, ConfirmResult, OutboundDto, PutAwayPlaceDto, RunBoxDto, RunDto, ScanBoxDto, ScanQuery, SkidAmendmentDto, SkidDto, SkipBox, TransferBoxes,
  TransferResult,
  VerificationDto, VerifyPo, WorkstationDto,
} from '../../../contracts/stamping-run';
import { PoDto } from '../../../contracts/stamping';
import { IsoDay } from '../../../contracts/planning';
import { IdParam } from '../../../contracts/common';
import type { AppEnv } from '../../http/env';
import { defineRoute, json, jsonBody } from '../../http/route';
import { idempotencyKey, sendResult } from '../../http/respond';
import { localDay } from '../../planning';
import { getRun } from './queries/run';
import { scanBox } from './queries/scan';
import { workstationDay } from './queries/workstation';
import { listOutbounds } from './queries/outbounds';
import { listRunBoxes } from './queries/run-boxes';
import { startRun } from './commands/start-run';
import { confirmBox } from './commands/confirm-box';
import { skipBox } from './commands/skip-box';
import { finishRun } from './commands/finish-run';
import { completeSkid, deleteSkid } from './skids/complete-skid';
import { transferBoxes } from './skids/transfer-boxes';
import { getSkid, listSkidAmendments } from './skids/queries';
import { listPutAwayPlaces } from './skids/put-away-places';
import { skidLabelPdf } from './skids/label';
import { getVerification } from './verify/verification';
import { verifyPo } from './verify/verify-po';

const tags = ['Stamping: the run'];
const SkidParam = IdParam.extend({ skidId: z.uuid() });

export function registerRunRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    defineRoute({ method: 'get', path: '/api/stamping/workstation', permission: 'stamping.read', tags, summary: 'The day\'s PO queue and per-region stamp counters (default: today)', request: { query: z.strictObject({ day: IsoDay.optional() }) }, responses: { 200: json(WorkstationDto) } }),
    async (c) => c.json(await workstationDay(c.get('services').db, c.req.valid('query').day ?? localDay(new Date())), 200),
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/stamping/put-away-places', permission: 'stamping.read', tags, summary: 'Where a skid may be put away: warehouse zones and slots outside the stamp store and consigned goods', responses: { 200: json(z.object({ items: z.array(PutAwayPlaceDto) })) } }),
    async (c) => c.json({ items: await listPutAwayPlaces(c.get('services').db) }, 200),
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/stamping/orders/{id}/run', permission: 'stamping.read', tags, summary: 'A PO\'s run: boxes to stamp, staged boxes, skids, sticky region', request: { params: IdParam }, responses: { 200: json(RunDto) } }),
    async (c) => c.json(await getRun(c.get('services').db, c.req.valid('param').id), 200),
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/stamping/orders/{id}/scan', permission: 'stamping.read', tags, summary: 'Resolve a scanned box number (brand filter optional) for this PO', request: { params: IdParam, query: ScanQuery }, responses: { 200: json(ScanBoxDto) } }),
    async (c) => {
      const { db } = c.get('services');
      const id = c.req.valid('param').id;
      return c.json(await scanBox(db, id, c.req.valid('query'), (await getRun(db, id)).stickyRegion), 200);
    },
  );
  const post = (path: string, summary: string, response: z.ZodType, body?: z.ZodType, status: 200 | 201 = 200) =>
    defineRoute({ method: 'post', path, permission: 'stamping.run', tags, summary, request: { params: IdParam, ...(body ? { body: jsonBody(body) } : {}) }, responses: { [status]: json(response) } });
  app.openapi(post('/api/stamping/orders/{id}/start', 'Start the run: Open → In Production', PoDto),
    async (c) => sendResult(c, await startRun(c.get('ctx'), c.req.valid('param').id, idempotencyKey(c))));
  app.openapi(post('/api/stamping/orders/{id}/confirm', 'Confirm a stamped box: deducts its stamps (a shortage is refused unless overridden with a reason)', ConfirmResult, ConfirmBox, 201),
    async (c) => sendResult(c, await confirmBox(c.get('ctx'), c.req.valid('param').id, c.req.valid('json' as never) as z.infer<typeof ConfirmBox>, idempotencyKey(c))));
  app.openapi(post('/api/stamping/orders/{id}/skip', 'Skip a box on this run', z.object({ poId: z.uuid(), boxId: z.uuid(), skipped: z.boolean() }), SkipBox),
    async (c) => sendResult(c, await skipBox(c.get('ctx'), c.req.valid('param').id, c.req.valid('json' as never) as z.infer<typeof SkipBox>, idempotencyKey(c))));
  app.openapi(post('/api/stamping/orders/{id}/finish', 'End the run short of its estimate: In Production → Pending Verification', PoDto),
    async (c) => sendResult(c, await finishRun(c.get('ctx'), c.req.valid('param').id, idempotencyKey(c))));
  app.openapi(post('/api/stamping/orders/{id}/skids', 'Complete the skid: staged boxes onto a new skid (zone/slot) or appended to an existing one (`appended` says which happened)', CompleteSkidResult, CompleteSkid, 201),
    async (c) => sendResult(c, await completeSkid(c.get('ctx'), c.req.valid('param').id, c.req.valid('json' as never) as z.infer<typeof CompleteSkid>, idempotencyKey(c))));
  app.openapi(post('/api/stamping/orders/{id}/skids/transfer', 'Move selected boxes to another skid of the PO (or a new one) with one reason; a skid left empty is retired and its number freed', TransferResult, TransferBoxes),
    async (c) => sendResult(c, await transferBoxes(c.get('ctx'), c.req.valid('param').id, c.req.valid('json' as never) as z.infer<typeof TransferBoxes>, idempotencyKey(c))));

  app.openapi(
    defineRoute({ method: 'get', path: '/api/stamping/orders/{id}/skids/{skidId}', permission: 'stamping.read', tags, summary: 'A skid with its boxes and its history (each box line added, appended, transferred in or out)', request: { params: SkidParam }, responses: { 200: json(SkidDto.extend({ items: z.array(RunBoxDto), amendments: z.array(SkidAmendmentDto) })) } }),
    async (c) => {
      const { db } = c.get('services');
      const { id, skidId } = c.req.valid('param');
      const skid = await getSkid(db, id, skidId);
      return c.json({ ...skid, items: await listRunBoxes(db, { poId: id, skidId }), amendments: await listSkidAmendments(db, skid.id) }, 200);
    },
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/stamping/orders/{id}/skids/{skidId}/label.pdf', permission: 'stamping.read', tags, summary: 'The skid label (4×6 in PDF with a Code 128 barcode)', request: { params: SkidParam }, responses: { 200: { description: 'PDF', content: { 'application/pdf': { schema: z.string() } } } } }),
    async (c) => {
      const { db } = c.get('services');
      const { id, skidId } = c.req.valid('param');
      const { pdf, label } = await skidLabelPdf(db, id, skidId);
      return c.body(pdf as never, 200, { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${label}.pdf"` }) as never;
    },
  );
  app.openapi(
    defineRoute({ method: 'delete', path: '/api/stamping/orders/{id}/skids/{skidId}', permission: 'stamping.run', tags, summary: 'Delete a skid: its boxes are staged again, its number free', request: { params: SkidParam }, responses: { 200: json(z.object({ id: z.uuid(), label: z.string(), deleted: z.boolean() })) } }),
    async (c) => {
      const { id, skidId } = c.req.valid('param');
      return sendResult(c, await deleteSkid(c.get('ctx'), id, skidId, idempotencyKey(c)));
    },
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/stamping/orders/{id}/verification', permission: 'stamping.read', tags, summary: 'Actual vs estimate per line, damage columns, and what blocks verification for you', request: { params: IdParam }, responses: { 200: json(VerificationDto) } }),
    async (c) => c.json(await getVerification(c.get('services').db, c.req.valid('param').id, c.get('ctx').actor.userId), 200),
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/stamping/orders/{id}/verify', permission: 'stamping.verify', tags, summary: 'Verify & Complete (never by a user who stamped it)', request: { params: IdParam, body: jsonBody(VerifyPo) }, responses: { 200: json(z.object({ po: PoDto, outbound: z.object({ id: z.uuid(), number: z.string(), created: z.boolean() }) })) } }),
    async (c) => sendResult(c, await verifyPo(c.get('ctx'), c.req.valid('param').id, c.req.valid('json'), idempotencyKey(c))),
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/stamping/outbounds', permission: 'stamping.read', tags, summary: 'Outbounds: one per consignee per completion day', request: { query: z.strictObject({ customerId: z.uuid().optional() }) }, responses: { 200: json(z.object({ items: z.array(OutboundDto) })) } }),
    async (c) => c.json({ items: await listOutbounds(c.get('services').db, c.req.valid('query')) }, 200),
  );
}
