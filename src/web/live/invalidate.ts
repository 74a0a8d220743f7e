import type { QueryClient } from '@tanstack/react-query';
import { keys } from '../api/keys';

/** Which cached lists a domain event makes stale, by topic prefix. */
const BY_PREFIX: Array<[prefix: string, queryKeys: ReadonlyArray<readonly unknown[]>]> = [
  ['user.', [keys.users.all, keys.departments, keys.teams.all, keys.customers.all]],
  ['department.', [keys.departments, keys.teams.all]],
  ['team.', [keys.teams.all, keys.departments]],
  ['customer.', [keys.customers.all]],
  // the stock ledger: every movement, catalog or place change can alter cards, balances and entries
  ['stock.', [keys.stock.all, keys.serials.all]],
  ['item.', [keys.catalog.all, keys.stock.all]],
  ['variant.', [keys.catalog.all, keys.stock.all]],
  ['lot.', [keys.lots.all, keys.stock.all]],
  ['location.', [keys.locations, keys.stock.all]],
  ['serial.', [keys.serials.all, keys.stock.all]],
];

export function invalidateForTopic(qc: QueryClient, topic: string): void {
  for (const [prefix, queryKeys] of BY_PREFIX) {
    if (!topic.startsWith(prefix)) continue;
    for (const queryKey of queryKeys) void qc.invalidateQueries({ queryKey });
  }
  // every domain event is a command, and every command is in the audit log
  void qc.invalidateQueries({ queryKey: keys.audit.all });
}
