import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db, Tx } from './types';
import { textParsers } from './parsers';
import { lockDataDir } from './lockfile';

/**
 * Embedded PostgreSQL in this process. PGlite has one connection: it runs each query and each
 * transaction exclusively, so transactions here are serial by construction.
 * `dataDir` undefined means in-memory (tests).
 */
export async function openPglite(dataDir?: string): Promise<Db> {
  const release = dataDir ? lockDataDir(dataDir) : () => {};
  let pg: PGlite;
  try {
    if (dataDir && !existsSync(join(dataDir, 'PG_VERSION'))) {
      // initdb leaves a WASM heap of ~800 MB that is never returned; create the cluster in a
      // throwaway instance so the serving one starts with a compact heap (~300 MB).
      await (await PGlite.create(dataDir)).close();
    }
    // Reads go through the OS page cache anyway; a small buffer pool keeps the process lean.
    const sharedBuffers = process.env.SHOPFLOOR_PGLITE_SHARED_BUFFERS ?? '32MB';
    pg = await PGlite.create(dataDir, { parsers: textParsers, postgresqlconf: `shared_buffers=${sharedBuffers}` });
  } catch (err) {
    release();
    throw err;
  }
  const wrapTx = (tx: Transaction): Tx => ({
    inTransaction: true,
    async query<T extends object>(text: string, params?: readonly unknown[]) {
      return (await tx.query<T>(text, params as unknown[])).rows;
    },
    // in-process: no round trip to save; PGlite commits when the transaction's function returns
    async queryAndCommit<T extends object>(text: string, params?: readonly unknown[]) {
      return (await tx.query<T>(text, params as unknown[])).rows;
    },
    async exec(script: string) {
      await tx.exec(script);
    },
  });
  return {
    dialect: 'pglite',
    async query<T extends object>(text: string, params?: readonly unknown[]) {
      return (await pg.query<T>(text, params as unknown[])).rows;
    },
    transaction: (fn) => pg.transaction((tx) => fn(wrapTx(tx))),
    async listen(channel, onPayload) {
      const unsub = await pg.listen(channel, onPayload);
      return async () => unsub();
    },
    async close() {
      try {
        await pg.close();
      } finally {
        release();
      }
    },
  };
}
