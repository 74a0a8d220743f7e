import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { CreateCustomer, CustomerDto, UpdateCustomer } from '../../../contracts/people';
import { IdParam, ListQuery, Page } from '../../../contracts/common';
import type { AppEnv } from '../../http/env';
import { defineRoute, json, jsonBody } from '../../http/route';
import { flag, idempotencyKey, sendResult } from '../../http/respond';
import { DomainError } from '../../kernel/errors';
import { createCustomer, updateCustomer } from '../commands/customers';
import { getCustomer, listCustomers } from '../queries/list-org';

const tags = ['Customers'];

export function registerCustomerRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    defineRoute({ method: 'get', path: '/api/customers', permission: 'customers.read', tags, summary: 'List customer accounts (sort: name, code, createdAt)', request: { query: ListQuery.extend({ active: z.enum(['true', 'false']).optional() }) }, responses: { 200: json(Page(CustomerDto)) } }),
    async (c) => {
      const { limit, cursor, sort, q, active } = c.req.valid('query');
      return c.json(await listCustomers(c.get('services').db, { q, active: flag(active) }, { limit, cursor, sort }), 200);
    },
  );
  app.openapi(
    defineRoute({ method: 'post', path: '/api/customers', permission: 'customers.manage', tags, summary: 'Create a customer account', request: { body: jsonBody(CreateCustomer) }, responses: { 201: json(CustomerDto, 'Created') } }),
    async (c) => sendResult(c, await createCustomer(c.get('ctx'), c.req.valid('json'), idempotencyKey(c))),
  );
  app.openapi(
    defineRoute({ method: 'get', path: '/api/customers/{id}', permission: 'customers.read', tags, summary: 'One customer account', request: { params: IdParam }, responses: { 200: json(CustomerDto) } }),
    async (c) => {
      const found = await getCustomer(c.get('services').db, c.req.valid('param').id);
      if (!found) throw new DomainError('people.customer_not_found');
      return c.json(found, 200);
    },
  );
  app.openapi(
    defineRoute({ method: 'patch', path: '/api/customers/{id}', permission: 'customers.manage', tags, summary: 'Edit or (de)activate a customer account', request: { params: IdParam, body: jsonBody(UpdateCustomer) }, responses: { 200: json(CustomerDto) } }),
    async (c) => sendResult(c, await updateCustomer(c.get('ctx'), c.req.valid('param').id, c.req.valid('json'))),
  );
}
