import type { Queryable } from '../../../kernel/db/types';
import { renderRequestReceipt } from '../../../documents/request-receipt';
import { getRequest } from './get-request';

/**
 * The receipt of a stored request, as PDF: it exists only once the server has the request, so a
 * receipt never stands for a submission that did not arrive. Another customer's is not found.
 */
export async function requestReceipt(q: Queryable, id: string, customerId: string): Promise<{ number: string; pdf: Uint8Array }> {
  const r = await getRequest(q, id, customerId);
  const regions = new Map((await q.query<{ code: string; name: string }>('select code, name from tax_region')).map((x) => [x.code, x.name]));
  const pdf = renderRequestReceipt({
    number: r.number,
    customer: `${r.customerName} (${r.customerCode})`,
    shipment: r.shipmentNumber,
    requestedDay: r.requestedDay,
    deliveryDate: r.deliveryDate,
    deliveryDetails: r.deliveryDetails,
    submittedAt: new Date(r.createdAt),
    lines: r.lines.map((l) => ({ brand: l.brand, flavour: l.flavour, volumeMl: l.volumeMl, strengthMg: l.strengthMg, region: regions.get(l.regionCode) ?? l.regionCode, qty: l.qty })),
  });
  return { number: r.number, pdf };
}
