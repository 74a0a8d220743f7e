import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/env';
import { registerStampingMasterRoutes } from './master/routes';
import { registerShipmentRoutes } from './shipments/routes';
import { registerStampRoutes } from './stamps/routes';
import { registerPoRoutes } from './orders/routes';
import { registerRunRoutes } from './run/routes';
import { registerPortalRoutes } from './portal/routes';

/** Every stamping route; each part of the workflow registers its own. */
export function registerStampingRoutes(app: OpenAPIHono<AppEnv>): void {
  registerStampingMasterRoutes(app);
  registerShipmentRoutes(app);
  registerStampRoutes(app);
  registerPoRoutes(app);
  registerRunRoutes(app);
  registerPortalRoutes(app);
}
