import type { VariantDto } from '../../../contracts/catalog';
import type { Ctx } from '../../kernel/context';
import type { Queryable } from '../../kernel/db/types';
import { runCommand } from '../../kernel/run-command';
import type { CommandTx } from '../../kernel/run-command';
import { newId } from '../../kernel/ids';
import { DomainError } from '../../kernel/errors';
import { getItemRow, itemShape } from '../queries/get-item';
import { canonicalVariant } from '../variant-key';

interface VariantRow { id: string; item_id: string; code: string; name: string; key: string; attributes: Record<string, string>; stage: string | null }

export const toVariantDto = (r: VariantRow): VariantDto => ({
  id: r.id, itemId: r.item_id, code: r.code, name: r.name, key: r.key, attributes: r.attributes, stage: r.stage,
});

/**
 * The variant of an item for an attribute combination, created on first use. Concurrent
 * requests for one combination meet on the unique (item, key) and all get the same variant.
 * For use inside a command (lot expansion, order entry); `requestVariant` is the API's command.
 */
export async function getOrCreateVariant(cmd: Queryable & Pick<CommandTx, 'audit'>, itemId: string, attributes: Record<string, string>): Promise<{ variant: VariantDto; created: boolean }> {
  // shared with other creators, exclusive of an edit: a stage's rule cannot change under a new variant
  await cmd.query('select 1 from item where id = $1 for share', [itemId]);
  const item = await getItemRow(cmd, itemId);
  const c = canonicalVariant(itemShape(item), attributes);
  if (!item.active) {
    // an archived item keeps the variants it has; a new one would bring it back unseen
    const [found] = await cmd.query<VariantRow>('select * from variant where item_id = $1 and key = $2', [itemId, c.key]);
    if (found) return { variant: toVariantDto(found), created: false };
    throw new DomainError('catalog.item_archived', `${item.code} is archived: restore it to make new variants of it.`, { errors: [{ field: 'itemId', message: 'archived' }] });
  }
  for (let n = 1; ; n++) {
    // ON CONFLICT without a target also yields to the unique code: another combination may spell
    // the same code (`X L` and `XL`), and then this one takes the next free suffix
    const code = n === 1 ? c.code : `${c.code}-${n}`;
    const inserted = await cmd.query<VariantRow>(
      `insert into variant (id, item_id, key, code, name, attributes, stage) values ($1, $2, $3, $4, $5, $6, $7)
       on conflict do nothing returning *`,
      [newId(), itemId, c.key, code, c.name, JSON.stringify(c.attributes), c.stage],
    );
    if (inserted[0]) {
      const variant = toVariantDto(inserted[0]);
      cmd.audit({ entityType: 'variant', entityId: variant.id, after: variant });
      return { variant, created: true };
    }
    // created concurrently or before: a new statement sees the committed row
    const [found] = await cmd.query<VariantRow>('select * from variant where item_id = $1 and key = $2', [itemId, c.key]);
    if (found) return { variant: toVariantDto(found), created: false };
  }
}

/** The API's get-or-create: a read when the variant exists, a command when it must be created. */
export async function requestVariant(ctx: Ctx, itemId: string, attributes: Record<string, string>): Promise<VariantDto & { created: boolean }> {
  const c = canonicalVariant(itemShape(await getItemRow(ctx.db, itemId)), attributes);
  const [existing] = await ctx.db.query<VariantRow>('select * from variant where item_id = $1 and key = $2', [itemId, c.key]);
  if (existing) return { ...toVariantDto(existing), created: false };
  const { body } = await runCommand(ctx, { name: 'catalog.create-variant', input: { itemId, attributes } }, async (cmd) => {
    const { variant, created } = await getOrCreateVariant(cmd, itemId, attributes);
    if (created) {
      cmd.emit({ topic: 'variant.created', summary: `${cmd.actor.label} created variant ${variant.code}`, payload: { id: variant.id }, permission: 'inventory.read' });
    } else {
      cmd.audit({ entityType: 'variant', entityId: variant.id, after: { foundConcurrently: true } });
    }
    return { ...variant, created };
  });
  return body;
}
