import type { CommandTx } from '../../kernel/run-command';
import { postDocumentInTx } from '../../inventory';
import { ensureSetup } from '../master/setup';

export interface OrderToReceive {
  id: string;
  number: string;
  regionCode: string;
  stampVariantId: string;
  qty: string;
  supplier: string | null;
}

/**
 * Stamps arriving are a receipt of the region's stamp into the stamp store: the ledger is the
 * stamp stock, so nothing else records them. Stamps carry no cost here (unit cost 0).
 */
export async function postStampReceipt(cmd: CommandTx, order: OrderToReceive): Promise<{ documentId: string; receivedAt: Date }> {
  const setup = await ensureSetup(cmd);
  const doc = await postDocumentInTx(cmd, {
    type: 'receipt',
    sourceType: 'stamp_order',
    sourceId: order.id,
    note: `Stamp order ${order.number}${order.supplier ? ` from ${order.supplier}` : ''}`,
    lines: [{ variantId: order.stampVariantId, locationId: setup.stampLocationId, lotId: null, grade: 'good', qty: order.qty, unitCost: '0' }],
  });
  await cmd.query(`update stamp_order set status = 'received', received_at = $2, document_id = $3 where id = $1`, [order.id, cmd.now, doc.id]);
  return { documentId: doc.id, receivedAt: cmd.now };
}
