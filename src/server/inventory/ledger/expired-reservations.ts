import Decimal from '../../../contracts/exact-decimal';
import type { CommandTx } from '../../kernel/run-command';
import { lockBalances } from './keys';

/**
 * Expired reservations of a key give their quantity back (under the key's lock); returns how many
 * did. The sweep does this everywhere once a minute; reserving and posting do it for their key at
 * once, so a reservation past its expiry never holds stock back.
 */
export async function releaseExpired(cmd: CommandTx, keyId: string): Promise<{ count: number; released: Decimal }> {
  await lockBalances(cmd, [keyId]);
  const gone = await cmd.query<{ remaining: string }>(
    `update stock_reservation r set status = 'expired', closed_at = now(), remaining = 0
     from (select id, remaining from stock_reservation where key_id = $1 and status = 'active' and expires_at <= now() for update) old
     where r.id = old.id returning old.remaining`,
    [keyId],
  );
  const released = gone.reduce((s, g) => s.plus(g.remaining), new Decimal(0));
  if (gone.length) await cmd.query('update stock_balance set reserved = reserved - $2 where key_id = $1', [keyId, released.toString()]);
  return { count: gone.length, released };
}
