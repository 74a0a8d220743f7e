import type { Logger } from 'pino';
import { ROLES, type Role } from '../../contracts/permissions';
import { CreateUser, Password } from '../../contracts/people';
import type { DbConfig } from '../kernel/db/open';
import { openDb } from '../kernel/db/open';
import { migrate } from '../kernel/db/migrate';
import { systemActor } from '../kernel/actor';
import { newSecret } from '../kernel/ids';
import { DomainError } from '../kernel/errors';
import { createUser, findUserByUsername, resetPassword } from '../people';
import { flagValue, type Args } from './args';

export async function userCommand(args: Args, dbConfig: DbConfig, log: Logger): Promise<number> {
  const [verb, username] = args.positional;
  if (!username || (verb !== 'add' && verb !== 'reset-password')) {
    console.error('usage: shopfloor user add <username> --role R … | shopfloor user reset-password <username>');
    return 2;
  }
  const given = flagValue(args, 'password');
  const password = given ?? newSecret(12);
  const pw = Password.safeParse(password);
  if (!pw.success) {
    console.error(`password: ${pw.error.issues[0]?.message}`);
    return 2;
  }
  const db = await openDb(dbConfig);
  const ctx = { db, actor: systemActor('cli'), requestId: null, log };
  try {
    await migrate(db);
    if (verb === 'add') {
      const roles = (args.flags.get('role') ?? []) as Role[];
      const bad = roles.filter((r) => !ROLES.includes(r));
      if (!roles.length || bad.length) {
        console.error(`--role: one or more of ${ROLES.join(', ')}`);
        return 2;
      }
      let customerId: string | null = null;
      const code = flagValue(args, 'customer');
      if (code) {
        const [c] = await db.query<{ id: string }>('select id from customer where lower(code) = lower($1)', [code]);
        if (!c) throw new DomainError('people.customer_not_found', `No customer with code ${code}.`);
        customerId = c.id;
      }
      const input = CreateUser.parse({ username, displayName: flagValue(args, 'name') ?? username, password, roles, customerId });
      await createUser(ctx, input, null, { mustChangePassword: !given });
      console.log(`Created ${username} (${roles.join(', ')}).`);
    } else {
      const user = await findUserByUsername(db, username);
      if (!user) throw new DomainError('people.user_not_found', `No user ${username}.`);
      await resetPassword(ctx, user.id, password);
      console.log(`Password of ${username} reset; they must change it at next sign-in.`);
    }
    if (!given) console.log(`Password: ${password}`);
    return 0;
  } catch (err) {
    if (err instanceof DomainError) {
      console.error(`${err.code}: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    await db.close();
  }
}
