import type { Me } from '../../../contracts/people';
import type { Queryable } from '../../kernel/db/types';
import type { Actor } from '../../kernel/actor';
import { DomainError } from '../../kernel/errors';
import { findUser } from './get-user';
import { toUserDto } from '../user-row';

export async function describeMe(db: Queryable, actor: Actor, csrfToken: string | null): Promise<Me> {
  if (!actor.userId) throw new DomainError('auth.unauthenticated');
  const user = await findUser(db, actor.userId);
  let customerName: string | null = null;
  if (user.customer_id) {
    const [c] = await db.query<{ name: string }>('select name from customer where id = $1', [user.customer_id]);
    customerName = c?.name ?? null;
  }
  const plantTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return { user: toUserDto(user), permissions: [...actor.permissions], csrfToken, customerName, plantTimeZone };
}
