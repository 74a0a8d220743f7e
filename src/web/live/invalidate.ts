import type { QueryClient } from '@tanstack/react-query';
import { keys } from '../api/keys';
import { shipmentKeys } from '../features/stamping/shipments/keys';
import { setupKeys } from '../features/stamping/setup/keys';
import { stampKeys } from '../features/stamping/stamps/keys';
import { orderKeys } from '../features/stamping/orders/keys';
import { requestKeys } from '../features/stamping/requests/keys';
import { portalKeys } from '../features/portal/keys';
import { runKeys } from '../features/stamping/workstation/keys';

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
  ['unit.', [keys.catalog.all]],
  ['attribute.', [keys.catalog.all]],
  ['lot.', [keys.lots.all, keys.stock.all]],
  ['location.', [keys.locations, keys.stock.all]],
  ['serial.', [keys.serials.all, keys.stock.all]],
  // stamping: shipments and receiving; any stamping event (a box, a production order) can move availability
  ['stamping.shipment-', [shipmentKeys.all, shipmentKeys.availabilityAll]],
  ['stamping.box-', [shipmentKeys.all, shipmentKeys.availabilityAll]],
  ['stamping.', [shipmentKeys.availabilityAll]],
  ['stamping.brand-', [setupKeys.all]],
  ['stamping.product-', [setupKeys.all]],
  ['stamping.region-', [setupKeys.all]],
  ['stamping.consignee-', [setupKeys.all, shipmentKeys.all]],
  ['grade.', [keys.grades, keys.stock.all]],
  // stamp inventory: its orders, the ledger it reads, new regions, and the POs and bookings that reserve stamps
  ['stamping.stamp-order', [stampKeys.all]],
  ['stamping.region', [stampKeys.all]],
  ['stamping.po', [stampKeys.all]],
  ['planning.', [stampKeys.all]],
  ['stock.', [stampKeys.all]],
  // production orders and the capacity calendar: PO commands, new inventoried shipments (the New PO
  // form's sources and their availability) and the calendar's own settings
  ['stamping.po', [orderKeys.all]],
  ['stamping.shipment', [orderKeys.shipments, orderKeys.availabilityAll]],
  ['planning.', [orderKeys.all]],
  // the stamp run: the workstation's queue and counters, a PO's boxes and skids, verification and
  // outbounds; a confirmation also moves the PO's stamped figures, any stamp movement the counters
  ['stamping.box-', [runKeys.all]],
  ['stamping.box-confirmed', [orderKeys.all]],
  ['stamping.po', [runKeys.all]],
  ['stamping.outbound-', [runKeys.all]],
  ['stamping.stamp-order', [runKeys.all]],
  ['planning.', [runKeys.all]],
  ['stock.', [runKeys.workstationAll]],
  // customer requests: the plant's inbox; the customer portal hears only its own customer's
  // events, and any of them (a request, a PO, a box, an outbound) can change what it shows
  ['stamping.request-', [requestKeys.all]],
  ['stamping.', [portalKeys.all]],
];

export function invalidateForTopic(qc: QueryClient, topic: string): void {
  for (const [prefix, queryKeys] of BY_PREFIX) {
    if (!topic.startsWith(prefix)) continue;
    for (const queryKey of queryKeys) void qc.invalidateQueries({ queryKey });
  }
  // every domain event is a command, and every command is in the audit log
  void qc.invalidateQueries({ queryKey: keys.audit.all });
}
