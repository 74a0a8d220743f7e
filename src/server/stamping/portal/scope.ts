import type { Actor } from '../../kernel/actor';
import { DomainError } from '../../kernel/errors';

/**
 * The customer a portal call is confined to: always the signed-in user's own, never a parameter.
 * `portal.use` is held only by customer users, who always belong to a customer; anyone else is refused.
 */
export function portalCustomer(actor: Actor): string {
  if (!actor.customerId) throw new DomainError('auth.forbidden', 'The portal is for customer users.');
  return actor.customerId;
}
