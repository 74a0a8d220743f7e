import type { OpenAPIHono } from '@hono/zod-openapi';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AppEnv } from './env';

/** Serves the built web app; any other non-API path gets index.html (client-side routes). */
export function serveWeb(app: OpenAPIHono<AppEnv>, webDir: string): void {
  const indexPath = join(webDir, 'index.html');
  if (!existsSync(indexPath)) return;
  app.use('/assets/*', serveStatic({ root: webDir, onFound: (_p, c) => c.header('cache-control', 'public, max-age=31536000, immutable') }));
  app.use('*', async (c, next) => {
    if (c.req.path.startsWith('/api/')) return next();
    return serveStatic({ root: webDir })(c, next);
  });
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/')) return c.notFound();
    return c.html(readFileSync(indexPath, 'utf8'));
  });
}
