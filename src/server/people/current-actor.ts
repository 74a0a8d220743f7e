import type { Permission } from '../../contracts/permissions';
import type { Actor } from '../kernel/actor';
import type { Queryable } from '../kernel/db/types';
import { actorForToken, actorForUser, USABLE_USER, USER_COLUMNS, type UserRow } from './user-row';

/**
 * Who a long-lived connection (a live event stream) acts for now: the same session or token read
 * again, with the user's present roles, customer and activity. Null once the session or token
 * was revoked or expired, or the user or their customer was deactivated.
 */
export async function currentActor(db: Queryable, actor: Actor): Promise<Actor | null> {
  if (actor.kind === 'token') {
    const [row] = await db.query<UserRow & { scopes: Permission[] }>(
      `select ${USER_COLUMNS}, t.scopes from api_token t join app_user u on u.id = t.user_id
       where t.id = $1 and t.revoked_at is null and (t.expires_at is null or t.expires_at > now()) and ${USABLE_USER}`,
      [actor.tokenId],
    );
    return row ? actorForToken(row, actor.tokenId!, row.scopes) : null;
  }
  if (actor.kind !== 'user' || !actor.sessionId) return actor;
  const [row] = await db.query<UserRow>(
    `select ${USER_COLUMNS} from user_session s join app_user u on u.id = s.user_id
     where s.id_hash = $1 and s.revoked_at is null and s.expires_at > now() and ${USABLE_USER}`,
    [actor.sessionId],
  );
  return row ? actorForUser(row, { sessionId: actor.sessionId }) : null;
}
