import { useEffect, useState, type FormEvent } from 'react';
import Decimal from '../../../../../contracts/exact-decimal';
import { ActionIcon, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useForm } from '../../../../ui/use-form';
import { notifySuccess } from '../../../../ui/notify';
import { formatDecimal } from '../../../inventory/decimal';
import type { CapacityWarning, PoDto } from '../api';
import { addDays, isoWeekday, today } from '../days';
import { useAttemptKey, useSplitPo } from '../mutations';
import { typedQty } from '../form/line-availability';
import { FormFooter } from '../../../../ui/FormFooter';

interface Part {
  key: string;
  day: string;
  qty: string;
}

/** Where a split starts: the over-cap day and by how much it is over (from the warning toast). */
export interface SplitSeed {
  day: string;
  exceededBy: string;
}

const part = (day: string, qty: string): Part => ({ key: crypto.randomUUID(), day, qty });
const nextWeekday = (day: string) => {
  let d = addDays(day, 1);
  while (isoWeekday(d) >= 6) d = addDays(d, 1);
  return d;
};

/** From a warning: what fits stays on the day, the excess goes to the next weekday. */
function seedParts(po: PoDto, seed: SplitSeed | null): Part[] {
  const total = new Decimal(po.totalQty);
  const start = seed?.day ?? po.day ?? today();
  const over = seed ? new Decimal(seed.exceededBy) : null;
  if (over && over.gt(0) && over.lt(total)) return [part(start, total.minus(over).toString()), part(nextWeekday(start), over.toString())];
  return [part(start, total.toString()), part(nextWeekday(start), '')];
}

/** Move part of a PO to other days: it becomes a parent with one segment per part. */
export function SplitModal({ po, seed, opened, onClose, onWarnings }: {
  po: PoDto | null;
  seed: SplitSeed | null;
  opened: boolean;
  onClose: () => void;
  onWarnings: (po: PoDto, warnings: CapacityWarning[]) => void;
}) {
  const split = useSplitPo();
  const attempt = useAttemptKey();
  const form = useForm({});
  const [parts, setParts] = useState<Part[]>([]);

  useEffect(() => {
    if (!opened || !po) return;
    form.reset({});
    setParts(seedParts(po, seed));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, po?.id]);

  const total = new Decimal(po?.totalQty ?? 0);
  const sum = parts.reduce((s, p) => s.plus(typedQty(p.qty) ?? 0), new Decimal(0));
  const complete = parts.every((p) => p.day && typedQty(p.qty)) && sum.eq(total);
  const patch = (i: number, p: Partial<Part>) => setParts(parts.map((x, j) => (j === i ? { ...x, ...p } : x)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!po || !complete) return;
    const input = { id: po.id, parts: parts.map((p) => ({ day: p.day, qty: p.qty.trim() })) };
    split.mutate({ input, key: attempt.keyFor(input) }, {
      onSuccess: (r) => {
        attempt.settle();
        notifySuccess(`${r.po.number} split into ${r.po.segments.length} segments.`);
        onClose();
        onWarnings(r.po, r.warnings);
      },
      onError: form.fail,
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={po ? `Move part of ${po.number}` : 'Split'} data-testid="split-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">Each part becomes a segment on its day. The parts must add up to the PO&apos;s {formatDecimal(total.toString())} units.</Text>
          {parts.map((p, i) => (
            <Group key={p.key} gap="sm" align="flex-start" wrap="nowrap" data-testid="split-part">
              <TextInput aria-label={`Day ${i + 1}`} type="date" value={p.day} onChange={(e) => patch(i, { day: e.currentTarget.value })} error={form.errorOf(`parts.${i}.day`)} style={{ flex: 1 }} />
              <TextInput aria-label={`Quantity ${i + 1}`} placeholder="Qty" inputMode="numeric" value={p.qty} onChange={(e) => patch(i, { qty: e.currentTarget.value })} error={form.errorOf(`parts.${i}.qty`)} w={150} />
              <ActionIcon variant="subtle" color="gray" size="lg" aria-label={`Remove part ${i + 1}`} disabled={parts.length <= 2} onClick={() => setParts(parts.filter((_, j) => j !== i))}>
                <IconTrash size={18} />
              </ActionIcon>
            </Group>
          ))}
          <Group justify="space-between">
            <Button variant="subtle" size="xs" leftSection={<IconPlus size={16} />} onClick={() => setParts([...parts, part(nextWeekday(parts.at(-1)?.day || today()), '')])}>
              Add part
            </Button>
            <Text size="sm" c={sum.eq(total) ? 'teal' : 'red'} fw={600} data-testid="split-sum">
              {formatDecimal(sum.toString())} of {formatDecimal(total.toString())}
            </Text>
          </Group>
          {(form.errors.parts ?? form.errors.day) && <Text size="sm" c="red">{form.errors.parts ?? form.errors.day}</Text>}
          <FormFooter submitLabel="Split" loading={split.isPending} onCancel={onClose} testId="split" disabled={!complete} />
        </Stack>
      </form>
    </Modal>
  );
}
