import type { Queryable } from '../../kernel/db/types';
import type { CommandTx } from '../../kernel/run-command';
import { newId } from '../../kernel/ids';
import { insertLocation } from '../../inventory';

export interface StampingSetup {
  siteId: string;
  stampLocationId: string;
  consignedLocationId: string;
}

export async function readSetup(q: Queryable): Promise<StampingSetup | undefined> {
  const [row] = await q.query<StampingSetup>(
    `select site_id as "siteId", stamp_location_id as "stampLocationId", consigned_location_id as "consignedLocationId" from stamping_setup`,
  );
  return row;
}

/**
 * Where stamping keeps things, created the first time anything needs them: the stamping line's
 * capacity calendar, the stamp store and the parent of the consignees' stock locations. Two
 * first commands meet on an advisory lock, so the setup exists once.
 */
export async function ensureSetup(cmd: CommandTx): Promise<StampingSetup> {
  const found = await readSetup(cmd);
  if (found) return found;
  await cmd.query(`select pg_advisory_xact_lock(hashtext('stamping_setup'))`);
  const again = await readSetup(cmd);
  if (again) return again;
  const store = await insertLocation(cmd, { code: 'STAMP-WH', name: 'Stamping warehouse', kind: 'warehouse' });
  // an audited override may stamp past the ledger's balance; the confirm command refuses it otherwise
  const stamps = await insertLocation(cmd, { code: 'STAMPS', name: 'Excise stamps', kind: 'zone', parentId: store.id, allowNegative: true });
  const consigned = await insertLocation(cmd, { code: 'CONSIGNED', name: 'Consigned goods', kind: 'zone', parentId: store.id });
  const siteId = newId();
  await cmd.query(`insert into planning_site (id, code, name, location_id) values ($1, 'STAMP-LINE', 'Stamping line', $2)`, [siteId, store.id]);
  await cmd.query(`insert into stamping_setup (site_id, stamp_location_id, consigned_location_id) values ($1, $2, $3)`, [siteId, stamps.id, consigned.id]);
  const setup = { siteId, stampLocationId: stamps.id, consignedLocationId: consigned.id };
  cmd.audit({ entityType: 'stamping_setup', entityId: siteId, after: setup });
  return setup;
}
