import { useState, type FormEvent } from 'react';
import Decimal from '../../../../contracts/exact-decimal';
import { ActionIcon, Badge, Button, Group, Input, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { fieldErrorsOf } from '../../../api/problem';
import { newIdempotencyKey } from '../../../api/client';
import { notifyError, notifySuccess } from '../../../ui/notify';
import { formatDecimal } from '../../inventory/decimal';
import { useProducts } from '../setup/api';
import { productOptions } from './PackingListRows';
import { useReceiveBox, type BoxDto, type ShipmentDto } from './api';
import { blankLine, checkLines, goodOf, toInput, type LineDraft } from './box-lines';

export type OpenBox = Pick<BoxDto, 'brandId' | 'brand' | 'boxNo' | 'status' | 'lines'>;

/**
 * The content lines of one box: pre-filled with what was announced for it, else one line (with
 * the product already chosen when the packing list has only one of the box's brand).
 */
function initialLines(box: OpenBox, shipment: ShipmentDto, brandOf: (variantId: string) => string | undefined): LineDraft[] {
  if (box.lines.length) return box.lines.map((l) => blankLine(l.variantId, l.rawQty));
  const ofBrand = shipment.packingList.filter((p) => brandOf(p.variantId) === box.brandId);
  return [blankLine(ofBrand.length === 1 ? ofBrand[0]!.variantId : null)];
}

export function BoxReceiveForm({ shipment, box, onDone }: { shipment: ShipmentDto; box: OpenBox; onDone: () => void }) {
  const products = useProducts();
  const receive = useReceiveBox(shipment.id);
  const brandOf = (variantId: string) => products.data?.find((p) => p.variantId === variantId)?.brandId;
  const [lines, setLines] = useState<LineDraft[]>(() => initialLines(box, shipment, brandOf));
  const [errors, setErrors] = useState<Record<string, string>>({});
  // one key per box: a retry after a dropped connection is applied once
  const [key] = useState(newIdempotencyKey);
  const patch = (i: number, p: Partial<LineDraft>) => {
    setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...p } : l)));
    setErrors({});
  };
  // the box's own brand first; a mixed box may still hold any other brand's products
  const all = products.data ?? [];
  const options = productOptions([...all.filter((p) => p.brandId === box.brandId), ...all.filter((p) => p.brandId !== box.brandId)]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = checkLines(lines);
    if (Object.keys(found).length) return setErrors(found);
    receive.mutate({ input: { brandId: box.brandId, boxNo: box.boxNo, lines: lines.map(toInput) }, key }, {
      onSuccess: (b) => {
        const sum = (k: 'goodQty' | 'damagedQty' | 'missingQty') => b.lines.reduce((a, l) => a.plus(l[k]), new Decimal(0));
        const [good, damaged, missing] = [sum('goodQty'), sum('damagedQty'), sum('missingQty')];
        const extra = [damaged.gt(0) && `${formatDecimal(damaged.toFixed())} damaged`, missing.gt(0) && `${formatDecimal(missing.toFixed())} missing`].filter(Boolean);
        notifySuccess(`Box ${b.brand} #${b.boxNo} received: ${formatDecimal(good.toFixed())} good${extra.length ? `, ${extra.join(', ')}` : ''}.`);
        onDone();
      },
      onError: (err) => {
        setErrors(fieldErrorsOf(err));
        notifyError(err, `Box ${box.brand} #${box.boxNo} not received`);
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="box-receive-form" data-box={`${box.brand} #${box.boxNo}`}>
      <Stack>
        <Group gap="sm">
          <Text fw={700} size="lg">{box.brand} #{box.boxNo}</Text>
          <Badge variant="light" color={box.lines.length ? 'blue' : 'gray'}>{box.lines.length ? 'announced content' : 'count the content'}</Badge>
          {errors.boxNo && <Text c="red" size="sm">{errors.boxNo}</Text>}
        </Group>
        {lines.map((l, i) => {
          const good = goodOf(l);
          const err = (f: string) => errors[`lines.${i}.${f}`];
          return (
            <Group key={l.key} align="flex-start" gap="sm" wrap="wrap" data-testid="box-line">
              <Select
                label={i === 0 ? 'Product' : undefined}
                aria-label={`Product ${i + 1}`}
                placeholder="Flavour — Brand · mL · mg"
                searchable
                data={options}
                value={l.variantId}
                onChange={(v) => patch(i, { variantId: v })}
                error={err('variantId')}
                comboboxProps={{ withinPortal: true }}
                style={{ flex: '1 1 260px' }}
              />
              <TextInput label={i === 0 ? 'Raw' : undefined} aria-label={`Raw ${i + 1}`} inputMode="numeric" autoComplete="off" w={90}
                value={l.raw} onChange={(e) => patch(i, { raw: e.currentTarget.value })} error={err('rawQty')} />
              <TextInput label={i === 0 ? 'Damaged' : undefined} aria-label={`Damaged ${i + 1}`} inputMode="numeric" autoComplete="off" w={90} placeholder="0"
                value={l.damaged} onChange={(e) => patch(i, { damaged: e.currentTarget.value })} error={err('damagedQty')} />
              <TextInput label={i === 0 ? 'Missing' : undefined} aria-label={`Missing ${i + 1}`} inputMode="numeric" autoComplete="off" w={90} placeholder="0"
                value={l.missing} onChange={(e) => patch(i, { missing: e.currentTarget.value })} error={err('missingQty')} />
              <Stack gap={4} w={70}>
                {i === 0 && <Input.Label>Good</Input.Label>}
                <Text pt={6} fw={700} c={good?.isNegative() ? 'red' : undefined} data-testid="line-good">
                  {good ? formatDecimal(good.toFixed()) : '—'}
                </Text>
              </Stack>
              <TextInput label={i === 0 ? 'Damage note' : undefined} aria-label={`Damage note ${i + 1}`} autoComplete="off" style={{ flex: '1 1 140px' }}
                value={l.damageNote} onChange={(e) => patch(i, { damageNote: e.currentTarget.value })} error={err('damageNote')} />
              <ActionIcon variant="subtle" color="gray" size="lg" mt={i === 0 ? 26 : 0} aria-label={`Remove line ${i + 1}`}
                disabled={lines.length === 1} onClick={() => setLines(lines.filter((_, j) => j !== i))}>
                <IconTrash size={18} />
              </ActionIcon>
            </Group>
          );
        })}
        <Group justify="space-between">
          <Button variant="subtle" size="xs" leftSection={<IconPlus size={16} />} onClick={() => setLines([...lines, blankLine()])} data-testid="add-box-line">
            Add product (mixed box)
          </Button>
          <Group>
            <Button variant="default" onClick={onDone}>Cancel</Button>
            <Button type="submit" loading={receive.isPending} data-testid="receive-box-submit">Receive</Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
