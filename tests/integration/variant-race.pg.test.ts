import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../support/databases';
import { systemCtx } from '../support/app';
import { createItem } from '../../src/server/catalog/commands/create-item';
import { requestVariant } from '../../src/server/catalog/commands/get-or-create-variant';

describe('variant get-or-create under concurrency on PostgreSQL', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb('postgres', { maxConnections: 30 });
  });
  afterAll(() => t.drop());

  it('16 concurrent requests for one combination, spelled differently, yield one variant', async () => {
    const ctx = systemCtx(t.db);
    const item = (await createItem(ctx, { code: 'TEE', name: 'Tee', kind: 'product', uom: 'ea', attributes: [{ attribute: 'Size', values: ['S', 'M'] }, { attribute: 'Colour', values: ['Blue', 'Red'] }] })).body;
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) => requestVariant(ctx, item.id, i % 2 ? { size: 'm', colour: 'BLUE' } : { Colour: 'Blue', Size: 'M' })),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(results[0]).toMatchObject({ key: 'colour=blue;size=m', attributes: { colour: 'Blue', size: 'M' } });
    const [n] = await t.db.query<{ n: number }>('select count(*)::int as n from variant where item_id = $1', [item.id]);
    expect(n!.n).toBe(1);
  });

  it('refuses values the item does not allow, naming the attribute', async () => {
    const ctx = systemCtx(t.db);
    const item = (await createItem(ctx, { code: 'CAP', name: 'Cap', kind: 'product', uom: 'ea', attributes: [{ attribute: 'Size', values: ['One'] }] })).body;
    await expect(requestVariant(ctx, item.id, { size: 'XL' })).rejects.toMatchObject({ code: 'catalog.invalid_attributes', extra: { errors: [{ field: 'attributes.size' }] } });
    await expect(requestVariant(ctx, item.id, { size: 'One', colour: 'Red' })).rejects.toMatchObject({ code: 'catalog.invalid_attributes' });
  });
});
