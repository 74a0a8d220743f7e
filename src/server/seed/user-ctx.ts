import type { Logger } from 'pino';
import type { Db } from '../kernel/db/types';
import type { Ctx } from '../kernel/context';
import { actorForUser, USER_COLUMNS, type UserRow } from '../people/user-row';

/** Acting as a demo user, so the demo's audit trail and four-eyes checks read like a real plant's. */
export async function userCtx(db: Db, log: Logger, username: string): Promise<Ctx> {
  const [row] = (await db.query<UserRow>(`select ${USER_COLUMNS} from app_user u where username = $1`, [username])) as [UserRow];
  return { db, actor: actorForUser(row), requestId: null, log };
}
