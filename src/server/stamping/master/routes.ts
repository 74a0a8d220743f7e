import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { BrandDto, ConsigneeDto, CreateBrand, CreateProduct, CreateRegion, ProductVariantDto, RegionDto } from '../../../contracts/stamping';
import type { AppEnv } from '../../http/env';
import { defineRoute, json, jsonBody } from '../../http/route';
import { idempotencyKey, sendResult } from '../../http/respond';
import { createBrand, listBrands } from './brands';
import { createProduct, listProductVariants } from './products';
import { createRegion, listRegions } from './regions';
import { createConsignee, listConsignees } from './consignees';

const tags = ['Stamping: master data'];
const items = <T extends z.ZodType>(t: T) => z.object({ items: z.array(t) });

export function registerStampingMasterRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    defineRoute({ method: 'get', path: '/api/stamping/brands', permission: 'stamping.read', tags, summary: 'Brands', responses: { 200: json(items(BrandDto)) } }),
    async (c) => c.json({ items: await listBrands(c.get('services').db) }, 200),
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/stamping/brands', permission: 'stamping.manage', tags, summary: 'Add a brand', request: { body: jsonBody(CreateBrand) }, responses: { 201: json(BrandDto, 'Created') } }),
    async (c) => sendResult(c, await createBrand(c.get('ctx'), c.req.valid('json'), idempotencyKey(c))),
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/stamping/products', permission: 'stamping.read', tags, summary: 'Product variants (flavour — brand · mL · mg)', request: { query: z.strictObject({ brandId: z.uuid().optional(), itemId: z.uuid().optional() }) }, responses: { 200: json(items(ProductVariantDto)) } }),
    async (c) => c.json({ items: await listProductVariants(c.get('services').db, c.req.valid('query')) }, 200),
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/stamping/products', permission: 'stamping.manage', tags, summary: 'Add a flavour of a brand with its volume × strength variants', request: { body: jsonBody(CreateProduct) }, responses: { 201: json(z.object({ itemId: z.uuid(), variants: z.array(ProductVariantDto) }), 'Created') } }),
    async (c) => sendResult(c, await createProduct(c.get('ctx'), c.req.valid('json'), idempotencyKey(c))),
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/stamping/regions', permission: 'stamping.read', tags, summary: 'Tax regions and their stamps', responses: { 200: json(items(RegionDto)) } }),
    async (c) => c.json({ items: await listRegions(c.get('services').db) }, 200),
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/stamping/regions', permission: 'stamping.manage', tags, summary: 'Add a tax region (its stamp becomes a consumable item)', request: { body: jsonBody(CreateRegion) }, responses: { 201: json(RegionDto, 'Created') } }),
    async (c) => sendResult(c, await createRegion(c.get('ctx'), c.req.valid('json'), idempotencyKey(c))),
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/stamping/consignees', permission: 'stamping.read', tags, summary: 'Customers whose goods are stamped here', responses: { 200: json(items(ConsigneeDto)) } }),
    async (c) => c.json({ items: await listConsignees(c.get('services').db) }, 200),
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/stamping/consignees', permission: 'stamping.manage', tags, summary: 'Set up a customer as a consignee (creates their stock location)', request: { body: jsonBody(z.strictObject({ customerId: z.uuid() })) }, responses: { 201: json(ConsigneeDto, 'Created') } }),
    async (c) => sendResult(c, await createConsignee(c.get('ctx'), c.req.valid('json').customerId, idempotencyKey(c))),
  );
}
