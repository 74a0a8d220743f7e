import type { PoRequestDto } from '../../../contracts/stamping-run';
import type { CommandTx } from '../../kernel/run-command';

/**
 * A request's event names its customer, so their portal follows it live, and staff holding
 * `stamping.read` see it in the inbox. Summaries are written for the customer's eyes too.
 */
export function emitRequestEvent(cmd: CommandTx, topic: `stamping.request-${string}`, summary: string, r: PoRequestDto): void {
  cmd.emit({ topic, summary, payload: { id: r.id, number: r.number, status: r.status, poId: r.poId }, permission: 'stamping.read', customerId: r.customerId });
}
