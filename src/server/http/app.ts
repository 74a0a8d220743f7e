import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv, Services } from './env';
import { identify } from './auth';
import { refuseNul } from './refuse-nul';
import { problemResponse, validationError } from './problem';
import { registerSystemRoutes, APP_VERSION } from './system-routes';
import { registerDocs } from './docs';
import { serveWeb } from './static';
import { DomainError } from '../kernel/errors';
import { newId } from '../kernel/ids';
import { registerAuthRoutes, registerUserRoutes, registerOrgRoutes, registerCustomerRoutes } from '../people';
import { registerAuditRoutes } from '../audit/routes';
import { registerCatalogRoutes } from '../catalog/routes';
import { registerInventoryRoutes } from '../inventory/routes';
import { registerSerialRoutes } from '../inventory/serials/routes';
import { registerGradeRoutes } from '../inventory/grades/routes';
import { registerStampingRoutes } from '../stamping';
import { registerPlanningRoutes } from '../planning';

/** Module route registrars, in the order they appear in the API document. */
const MODULES: Array<(app: OpenAPIHono<AppEnv>) => void> = [
  registerSystemRoutes,
  registerAuthRoutes,
  registerUserRoutes,
  registerOrgRoutes,
  registerCustomerRoutes,
  registerAuditRoutes,
  registerCatalogRoutes,
  registerInventoryRoutes,
  registerGradeRoutes,
  registerSerialRoutes,
  registerPlanningRoutes,
  registerStampingRoutes,
];

/** Routes that take a whole CSV file in their body, and how large that body may be. */
const IMPORT_PATHS = new Set(['/api/items/import', '/api/variants/import']);
const IMPORT_BODY_LIMIT_BYTES = 12 * 1024 * 1024;

export function createApp(services: Services): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error as never);
    },
  });

  app.use('*', async (c, next) => {
    const incoming = c.req.header('x-request-id');
    c.set('requestId', incoming && /^[\w.-]{1,100}$/.test(incoming) ? incoming : newId());
    c.set('services', services);
    await next();
    c.header('x-request-id', c.get('requestId'));
  });
  const limit = (maxSize: number) => bodyLimit({
    maxSize,
    onError: () => {
      throw new DomainError('request.too_large', `The body exceeds ${maxSize} bytes.`);
    },
  });
  const usual = limit(services.config.bodyLimitBytes);
  // a catalog file is larger than any command: up to 5,000,000 characters, JSON-escaped
  const imports = limit(Math.max(services.config.bodyLimitBytes, IMPORT_BODY_LIMIT_BYTES));
  app.use('/api/*', (c, next) => (IMPORT_PATHS.has(c.req.path) ? imports : usual)(c, next));
  app.use('/api/*', identify);
  app.use('/api/*', refuseNul);

  for (const register of MODULES) register(app);

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'sf_session' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'API token sft_…' });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Shopfloor API',
      version: APP_VERSION,
      description:
        'Every operation declares its permission in x-permission. Lists take limit, cursor, sort (field or -field) and q, ' +
        'and answer { items, nextCursor }. Commands accept an Idempotency-Key header. Errors are RFC 9457 problem+json.',
    },
  });
  registerDocs(app);

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) return problemResponse(c, new DomainError('request.not_found', `No API route ${c.req.method} ${c.req.path}.`));
    return c.text('Not found', 404);
  });
  app.onError((err, c) => {
    if (err instanceof DomainError) {
      const retry = err.extra.retryAfterSeconds;
      return problemResponse(c, err, typeof retry === 'number' ? { 'retry-after': String(retry) } : {});
    }
    if (err instanceof HTTPException && err.status < 500) {
      const code = err.status === 413 ? 'request.too_large' : 'request.malformed';
      return problemResponse(c, new DomainError(code, err.message || 'The request could not be read.'));
    }
    services.log.error({ err, requestId: c.get('requestId'), path: c.req.path }, 'unhandled error');
    return problemResponse(c, new DomainError('server.internal', `Something went wrong; quote request id ${c.get('requestId')}.`));
  });

  if (services.config.webDir) serveWeb(app, services.config.webDir);
  return app;
}
