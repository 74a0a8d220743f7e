import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Db, Tx } from './types';
import { textParsers } from './parsers';
import { inlineStatement } from './inline';

const typeParser = {
  getTypeParser(oid: number, format?: string) {
    return textParsers[oid] ?? pg.types.getTypeParser(oid, format as 'text');
  },
};

/**
 * Parameterised statements are sent as named prepared statements (named by a hash of their text):
 * PostgreSQL then parses and plans each once per connection. Planning the ledger's many-join reads
 * cost more than running them (3.7 ms against 0.7 ms for a document read, measured here).
 */
const statementNames = new Map<string, string>();
function prepared(text: string, values?: readonly unknown[]): pg.QueryConfig {
  if (!values || values.length === 0) return { text };
  let name = statementNames.get(text);
  if (!name) {
    name = `sf_${createHash('sha1').update(text).digest('base64url').slice(0, 24)}`;
    if (statementNames.size < 10_000) statementNames.set(text, name);
  }
  return { name, text, values: values as unknown[] };
}

export interface PostgresOptions {
  maxConnections?: number;
}

/**
 * JIT compilation pays off for long analytic scans, not for transactions: PostgreSQL would spend
 * seconds compiling the ledger's re-valuation statement once statistics say it is big. It is
 * switched off as a startup option of every connection (added to any `options` the URL has).
 */
export function withoutJit(url: string): string {
  const u = new URL(url);
  const options = u.searchParams.get('options');
  u.searchParams.set('options', `${options ? `${options} ` : ''}-c jit=off`);
  return u.toString();
}

/** PostgreSQL server through a pool; one dedicated client carries LISTEN. */
export async function openPostgres(url: string, opts: PostgresOptions = {}): Promise<Db> {
  const pool = new pg.Pool({ connectionString: withoutJit(url), max: opts.maxConnections ?? 20, types: typeParser });
  pool.on('error', () => {}); // an idle client dying is reported by the next query that needs it
  await pool.query('select 1');
  let listener: pg.Client | undefined;
  const handlers = new Map<string, Set<(payload: string) => void>>();

  async function ensureListener(): Promise<pg.Client> {
    if (listener) return listener;
    const client = new pg.Client({ connectionString: url, types: typeParser });
    await client.connect();
    client.on('notification', (msg) => {
      for (const h of handlers.get(msg.channel) ?? []) h(msg.payload ?? '');
    });
    client.on('error', () => {});
    listener = client;
    return client;
  }

  return {
    dialect: 'postgres',
    async query<T extends object>(text: string, params?: readonly unknown[]) {
      return (await pool.query<T>(prepared(text, params))).rows;
    },
    async transaction(fn) {
      const client = await pool.connect();
      // BEGIN goes out with the first statement and COMMIT with the last (queryAndCommit), each as
      // one simple-query message where the statement can be written with literals: a command is
      // then its use case's statements plus one, not plus three.
      let state = 'idle' as 'idle' | 'open' | 'committed';
      const stateNow = () => state; // read after awaits (narrowing would keep 'idle')
      const lastRows = <T>(r: pg.QueryResult | pg.QueryResult[], fromEnd: number) =>
        (Array.isArray(r) ? r[r.length - 1 - fromEnd]!.rows : r.rows) as T[];
      const tx: Tx = {
        inTransaction: true,
        async query<T extends object>(text: string, params?: readonly unknown[]) {
          if (state === 'idle') {
            const inline = inlineStatement(text, params);
            state = 'open';
            if (inline) return lastRows<T>(await client.query(`begin; ${inline}`), 0);
            await client.query('begin');
          }
          return (await client.query<T>(prepared(text, params))).rows;
        },
        async exec(script: string) {
          if (state === 'idle') {
            state = 'open';
            await client.query('begin');
          }
          await client.query(script);
        },
        async queryAndCommit<T extends object>(text: string, params?: readonly unknown[]) {
          const inline = inlineStatement(text, params);
          let rows: T[];
          if (inline) {
            const begin = state === 'idle' ? 'begin; ' : '';
            state = 'open';
            rows = lastRows<T>(await client.query(`${begin}${inline}; commit`), 1);
          } else {
            rows = await tx.query<T>(text, params);
            await client.query('commit');
          }
          state = 'committed';
          return rows;
        },
      };
      try {
        const result = await fn(tx);
        if (stateNow() === 'open') await client.query('commit');
        client.release();
        return result;
      } catch (err) {
        try {
          // also after a failed combined statement: its COMMIT was skipped, the transaction aborted
          if (stateNow() !== 'idle') await client.query('rollback');
          client.release();
        } catch {
          client.release(true);
        }
        throw err;
      }
    },
    async listen(channel, onPayload) {
      const client = await ensureListener();
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        await client.query(`listen ${pg.escapeIdentifier(channel)}`);
      }
      set.add(onPayload);
      return async () => {
        set.delete(onPayload);
      };
    },
    async close() {
      await listener?.end().catch(() => {});
      await pool.end();
    },
  };
}
