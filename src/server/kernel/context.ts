import type { Logger } from 'pino';
import type { Db } from './db/types';
import type { Actor } from './actor';

/** What every use case receives explicitly: no globals, no container. */
export interface Ctx {
  db: Db;
  actor: Actor;
  requestId: string | null;
  log: Logger;
}
