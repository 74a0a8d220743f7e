import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { CreateItem, ItemDto, ItemKind, VariantDto, VariantRequest } from '../../contracts/catalog';
import { IdParam, ListQuery, Page } from '../../contracts/common';
import type { AppEnv } from '../http/env';
import { defineRoute, json, jsonBody } from '../http/route';
import { idempotencyKey, sendResult } from '../http/respond';
import { createItem } from './commands/create-item';
import { requestVariant } from './commands/get-or-create-variant';
import { getItem } from './queries/get-item';
import { listItems, listVariants } from './queries/list-items';

const tags = ['Catalog'];

export function registerCatalogRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    defineRoute({ method: 'get', path: '/api/items', permission: 'catalog.read', tags, summary: 'Items (sort: code)', request: { query: ListQuery.extend({ kind: ItemKind.optional() }) }, responses: { 200: json(Page(ItemDto)) } }),
    async (c) => {
      const { limit, cursor, sort, q, kind } = c.req.valid('query');
      return c.json(await listItems(c.get('services').db, { q, kind }, { limit, cursor, sort }), 200);
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
