import { createLogger } from '../kernel/log';
import { dbConfigFromEnv, describeDb, openDb } from '../kernel/db/open';
import { migrate } from '../kernel/db/migrate';
import { DataDirInUseError } from '../kernel/db/lockfile';
import { parseArgs } from './args';
import { serveCommand } from './serve';
import { userCommand } from './user';
import { checkCommand } from './check';
import { seedDemo } from '../seed';

const HELP = `shopfloor <command>

  serve [--port N] [--no-seed]     serve the app and API (PORT, default 3000)
  migrate                          apply database migrations
  seed                             load demo data into an empty database
  check                            prove the invariants (audit chain, …); exits 1 on a violation
  user add <username> --role R [--role R2] [--name "Full Name"] [--password P] [--customer CODE]
  user reset-password <username> [--password P]

Database: the embedded one in SHOPFLOOR_DATA (default ./data), or PostgreSQL when DATABASE_URL is set.`;

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const [command, ...rest] = args.positional;
  const log = createLogger(process.env.LOG_LEVEL ?? (command === 'serve' ? 'info' : 'warn'));
  const dbConfig = dbConfigFromEnv();
  switch (command) {
    case 'serve':
      return serveCommand(args, dbConfig, log);
    case 'migrate': {
      const db = await openDb(dbConfig);
      try {
        const { applied, version } = await migrate(db);
        console.log(applied.length ? `Applied ${applied.join(', ')}` : 'Schema up to date', `(version ${version}, ${describeDb(dbConfig)})`);
      } finally {
        await db.close();
      }
      return 0;
    }
    case 'seed': {
      const db = await openDb(dbConfig);
      try {
        await migrate(db);
        console.log((await seedDemo(db, log)) ? 'Demo data loaded.' : 'The database already has users; nothing seeded.');
      } finally {
        await db.close();
      }
      return 0;
    }
    case 'check':
      return checkCommand(dbConfig);
    case 'user':
      return userCommand({ ...args, positional: rest }, dbConfig, log);
    default:
      console.log(HELP);
      return command && command !== 'help' ? 2 : 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exit(code);
  },
  (err) => {
    if (err instanceof DataDirInUseError) console.error(`shopfloor: ${err.message}`);
    else console.error('shopfloor:', err instanceof Error ? err.stack ?? err.message : err);
    process.exit(1);
  },
);
