import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { z } from 'zod';
import { authorize, requireJson, type RoutePermission } from './auth';

type Config = Omit<RouteConfig, 'middleware'> & { permission: RoutePermission };

/**
 * Declares an API operation: its permission (also published as `x-permission` in the OpenAPI
 * document, which the access test walks), the auth gate, and JSON-only bodies.
 */
export function defineRoute<const C extends Config>(config: C) {
  const { permission, ...rest } = config;
  const hasBody = Boolean(rest.request?.body);
  return createRoute({
    ...rest,
    ...(hasBody ? { request: { ...rest.request, body: { ...rest.request!.body!, required: true } } } : {}),
    'x-permission': permission,
    security: permission === 'public' ? [] : [{ session: [] }, { bearer: [] }],
    middleware: hasBody ? [authorize(permission), requireJson] : [authorize(permission)],
  } as unknown as Omit<C, 'permission'>);
}

export const json = <T extends z.ZodType>(schema: T, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true as const,
});

export const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { type: 'object' } as never } },
});
