import type { Queryable } from '../../kernel/db/types';
import { DomainError } from '../../kernel/errors';
import { USER_COLUMNS, type UserRow } from '../user-row';

export async function findUser(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<UserRow> {
  const rows = await db.query<UserRow>(
    `select ${USER_COLUMNS} from app_user u where u.id = $1${opts.forUpdate ? ' for update' : ''}`,
    [id],
  );
  if (!rows[0]) throw new DomainError('people.user_not_found', `No user ${id}.`);
  return rows[0];
}

export async function findUserByUsername(db: Queryable, username: string): Promise<UserRow | undefined> {
  const rows = await db.query<UserRow>(`select ${USER_COLUMNS} from app_user u where lower(u.username) = lower($1)`, [username]);
  return rows[0];
}
