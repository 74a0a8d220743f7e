import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { AttributeDto, CreateAttribute, CreateItem, CreateUnit, ItemDto, ItemKind, UnitDto, UpdateAttribute, UpdateItem, VariantDto, VariantRequest } from '../../contracts/catalog';
import { Code, IdParam, ListQuery, Page } from '../../contracts/common';
import type { AppEnv } from '../http/env';
import { defineRoute, json, jsonBody } from '../http/route';
import { flag, idempotencyKey, sendResult } from '../http/respond';
import { createItem } from './commands/create-item';
import { updateItem } from './commands/update-item';
import { createUnit } from './commands/create-unit';
import { requestVariant } from './commands/get-or-create-variant';
import { getItem } from './queries/get-item';
import { listItems, listUnits, listVariants } from './queries/list-items';
import { exportItems, exportVariants } from './queries/export-csv';
import { importItems, importVariants } from './commands/import-csv';
import { createAttribute, updateAttribute } from './commands/attribute-library';
import { listAttributes } from './queries/list-attributes';

const tags = ['Catalog'];

const CsvBody = z.strictObject({ csv: z.string().min(1).max(5_000_000) });
const csvResponse = { description: 'CSV', content: { 'text/csv': { schema: z.string() } } };

export function registerCatalogRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    defineRoute({ method: 'get', path: '/api/items/export', permission: 'catalog.read', tags, summary: 'All items as CSV', responses: { 200: csvResponse } }),
    async (c) => c.body(await exportItems(c.get('services').db), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="items.csv"' }) as never,
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/variants/export', permission: 'catalog.read', tags, summary: 'All variants as CSV', responses: { 200: csvResponse } }),
    async (c) => c.body(await exportVariants(c.get('services').db), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="variants.csv"' }) as never,
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/items/import', permission: 'catalog.manage', tags, summary: 'Import items from CSV: a new code creates the item, a known one edits it (name, category, low-stock level, values added); all rows or none, with row-level errors', request: { body: jsonBody(CsvBody) }, responses: { 200: json(z.object({ imported: z.number().int(), created: z.number().int(), updated: z.number().int() })) } }),
    async (c) => sendResult(c, await importItems(c.get('ctx'), c.req.valid('json').csv)),
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/variants/import', permission: 'catalog.manage', tags, summary: 'Import variants (item_code, attributes) from CSV: all rows or none', request: { body: jsonBody(CsvBody) }, responses: { 200: json(z.object({ rows: z.number().int(), created: z.number().int() })) } }),
    async (c) => sendResult(c, await importVariants(c.get('ctx'), c.req.valid('json').csv)),
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/units', permission: 'catalog.read', tags, summary: 'Units of measure', responses: { 200: json(z.object({ items: z.array(UnitDto) })) } }),
    async (c) => c.json({ items: await listUnits(c.get('services').db) }, 200),
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/units', permission: 'catalog.manage', tags, summary: 'Add a unit of measure (never edited: stock is posted in it)', request: { body: jsonBody(CreateUnit) }, responses: { 201: json(UnitDto, 'Created') } }),
    async (c) => sendResult(c, await createUnit(c.get('ctx'), c.req.valid('json'), idempotencyKey(c))),
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/attributes', permission: 'catalog.read', tags, summary: 'The attribute library: every attribute with its values in order, and how many items use it', responses: { 200: json(z.object({ items: z.array(AttributeDto) })) } }),
    async (c) => c.json({ items: await listAttributes(c.get('services').db) }, 200),
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/attributes', permission: 'catalog.manage', tags, summary: 'Add an attribute to the library, with its values (new items start from it; each keeps its own copy)', request: { body: jsonBody(CreateAttribute) }, responses: { 201: json(AttributeDto, 'Created') } }),
    async (c) => sendResult(c, await createAttribute(c.get('ctx'), c.req.valid('json'), idempotencyKey(c))),
  );
  app.openapi(
    defineRoute({ method: 'patch', path: '/api/attributes/{code}', permission: 'catalog.manage', tags, summary: 'Rename a library attribute or add values to it (items keep their own copies)', request: { params: z.object({ code: Code }), body: jsonBody(UpdateAttribute) }, responses: { 200: json(AttributeDto) } }),
    async (c) => sendResult(c, await updateAttribute(c.get('ctx'), c.req.valid('param').code, c.req.valid('json'))),
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/items', permission: 'catalog.read', tags, summary: 'Items (sort: code; active=false lists the archived ones)', request: { query: ListQuery.extend({ kind: ItemKind.optional(), active: z.enum(['true', 'false']).optional() }) }, responses: { 200: json(Page(ItemDto)) } }),
    async (c) => {
      const { limit, cursor, sort, q, kind, active } = c.req.valid('query');
      return c.json(await listItems(c.get('services').db, { q, kind, active: flag(active) }, { limit, cursor, sort }), 200);
    },
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/items', permission: 'catalog.manage', tags, summary: 'Create an item with its attributes', request: { body: jsonBody(CreateItem) }, responses: { 201: json(ItemDto, 'Created') } }),
    async (c) => sendResult(c, await createItem(c.get('ctx'), c.req.valid('json'), idempotencyKey(c))),
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/items/{id}', permission: 'catalog.read', tags, summary: 'One item', request: { params: IdParam }, responses: { 200: json(ItemDto) } }),
    async (c) => c.json(await getItem(c.get('services').db, c.req.valid('param').id), 200),
  );
  app.openapi(
    defineRoute({ method: 'patch', path: '/api/items/{id}', permission: 'catalog.manage', tags, summary: 'Rename an item, set its category, low-stock threshold or primary attribute, add attribute values, archive or restore it (code, kind and unit stay)', request: { params: IdParam, body: jsonBody(UpdateItem) }, responses: { 200: json(ItemDto) } }),
    async (c) => sendResult(c, await updateItem(c.get('ctx'), c.req.valid('param').id, c.req.valid('json'))),
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/items/{id}/variants', permission: 'catalog.read', tags, summary: 'The item’s variants', request: { params: IdParam }, responses: { 200: json(z.object({ items: z.array(VariantDto) })) } }),
    async (c) => c.json({ items: await listVariants(c.get('services').db, c.req.valid('param').id) }, 200),
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/variants', permission: 'catalog.manage', tags, summary: 'Get or create the variant of an attribute combination', request: { body: jsonBody(VariantRequest) }, responses: { 200: json(VariantDto.extend({ created: z.boolean() })) } }),
    async (c) => {
      const { itemId, attributes } = c.req.valid('json');
      const v = await requestVariant(c.get('ctx'), itemId, attributes);
      return c.json(v, v.created ? (201 as never) : 200);
    },
  );
}
