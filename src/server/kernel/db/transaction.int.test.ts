import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDb, type TestDb } from '../../../../tests/support/databases';
import { inlineStatement } from './inline';

describe('inlineStatement', () => {
  it('writes scalar parameters as quoted literals', () => {
    const at = new Date('2026-12-02T03:04:05.678Z');
    expect(inlineStatement('select $1, $2, $3, $4, $10', ["it's", 5, null, at, 'x', 'x', 'x', 'x', 'x', 'ten'])).toBe(
      `select 'it''s', '5', null, '2026-12-02T03:04:05.678Z', 'ten'`,
    );
  });

  it('declines statements it cannot rewrite safely', () => {
    expect(inlineStatement(`select '$1'`, ['x'])).toBeNull();
    expect(inlineStatement('select $1 -- $2', ['x', 'y'])).toBeNull();
    expect(inlineStatement('select $$ $1 $$', ['x'])).toBeNull();
    expect(inlineStatement('select $2', ['x'])).toBeNull();
    expect(inlineStatement('select $1', [['an', 'array']])).toBeNull();
    expect(inlineStatement('select $1', ['nul\0'])).toBeNull();
  });
});

describe.each(DIALECTS)('transactions on %s', (dialect) => {
  let t: TestDb;
  const rows = async () => (await t.db.query<{ v: string }>('select v from tx_probe order by v')).map((r) => r.v);
  beforeAll(async () => {
    t = await openTestDb(dialect, { migrate: false });
    await t.db.query('create table tx_probe (v text primary key)');
  });
  afterAll(() => t.drop());

  it('a first statement gone out with BEGIN reads back exactly what was given', async () => {
    const text = `back\\slash, it's, "quoted", ünïcode, $1`;
    const [row] = await t.db.transaction((tx) => tx.query<{ s: string; n: string }>('select $1::text as s, $2::numeric as n', [text, '12345.000001']));
    expect(row).toEqual({ s: text, n: '12345.000001' });
  });

  it('commits with the last statement and returns its rows', async () => {
    const out = await t.db.transaction(async (tx) => {
      await tx.query('insert into tx_probe (v) values ($1)', ['a']);
      return tx.queryAndCommit<{ v: string }>('insert into tx_probe (v) values ($1) returning v', ['b']);
    });
    expect(out).toEqual([{ v: 'b' }]);
    // a transaction whose only statement commits it
    await t.db.transaction((tx) => tx.queryAndCommit('insert into tx_probe (v) values ($1)', ['c']));
    expect(await rows()).toEqual(['a', 'b', 'c']);
  });

  it('a failing first or last statement leaves nothing, and the connection serves the next transaction', async () => {
    const before = await rows();
    await expect(t.db.transaction((tx) => tx.query('insert into tx_probe (v) values ($1)', ['a']))).rejects.toThrow(/duplicate key/);
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query('insert into tx_probe (v) values ($1)', ['d']);
        await tx.queryAndCommit('insert into tx_probe (v) values ($1)', ['a']);
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await rows()).toEqual(before);
    // every pooled connection is usable: no aborted transaction was handed back
    await Promise.all(Array.from({ length: 8 }, (_, i) => t.db.transaction((tx) => tx.query('insert into tx_probe (v) values ($1)', [`p${i}`]))));
    expect(await rows()).toHaveLength(before.length + 8);
  });

  it('statements that cannot be inlined still run in the transaction', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query(`insert into tx_probe (v) values ('quoted-' || $1)`, ['x']);
        await tx.queryAndCommit(`insert into tx_probe (v) values ('quoted-' || $1)`, ['x']);
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await rows()).not.toContain('quoted-x');
    await t.db.transaction((tx) => tx.queryAndCommit(`insert into tx_probe (v) values ('quoted-' || $1)`, ['y']));
    expect(await rows()).toContain('quoted-y');
  });
});
