/** The one database surface every module uses: PostgreSQL dialect on PGlite or a server. */
export type Row = Record<string, unknown>;

export interface Queryable {
  query<T extends object = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Tx extends Queryable {
  readonly inTransaction: true;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
  /**
   * Runs the transaction's last statement and commits, in one round trip where the driver allows.
   * The transaction is over when it resolves: no statement may follow.
   */
  queryAndCommit<T extends object = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

export type Dialect = 'pglite' | 'postgres';

export interface Db extends Queryable {
  readonly dialect: Dialect;
  /** Runs fn in one transaction (READ COMMITTED); commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Subscribes to a NOTIFY channel; returns the unsubscribe function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
