import { useEffect, type FormEvent } from 'react';
import { Modal, SegmentedControl, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { notifySuccess } from '../../../ui/notify';
import { useSticky } from '../../../ui/use-sticky';
import { useAdjustStock } from '../api/stock-commands';
import { formatChange, quantityProblem, negate, POSITIVE_INPUT } from '../decimal';
import { ADJUSTMENT_REASONS } from '../options';
import { StockKeyFields } from './StockKeyFields';
import { CurrentQty } from './CurrentQty';
import { blankKey, useKeyForm, type ItemRef } from './use-key-form';
import { FormFooter } from '../../../ui/FormFooter';

type Direction = 'add' | 'subtract';

const blank = (itemId: string | null) => ({
  ...blankKey(itemId),
  direction: 'add' as Direction,
  qty: '',
  unitCost: '',
  reason: null as string | null,
  note: '',
});

/** Add or subtract stock on one key, with a reason and a mandatory note. */
export function AdjustmentModal({ item, onClose }: { item: ItemRef | null; onClose: () => void }) {
  const adjust = useAdjustStock();
  const shown = useSticky(item);
  const form = useKeyForm(blank(item?.id ?? null));
  const { values } = form;
  const adding = values.direction === 'add';

  useEffect(() => {
    if (item) form.reset(blank(item.id));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [item?.id]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!item) return;
    const errors: Record<string, string> = {};
    if (!values.variantId) errors.variantId = 'Choose the variant';
    if (!values.locationId) errors.locationId = 'Choose the location';
    const qtyProblem = quantityProblem(values.qty);
    if (qtyProblem) errors.qty = qtyProblem;
    if (adding && values.unitCost.trim() && !POSITIVE_INPUT.test(values.unitCost.trim())) errors.unitCost = 'Enter a cost such as 0.85';
    if (!values.reason) errors.reason = 'Choose a reason';
    if (Object.keys(errors).length) return form.setErrors(errors);
    const qty = adding ? values.qty.trim() : negate(values.qty);
    const line = {
      variantId: values.variantId!,
      locationId: values.locationId!,
      lotId: values.lotId,
      grade: values.grade,
      qty,
      ...(adding && values.unitCost.trim() ? { unitCost: values.unitCost.trim() } : {}),
    };
    adjust.mutate(
      { input: { reason: values.reason!, note: values.note, lines: [line] }, key: form.idempotencyKey },
      {
        onSuccess: (doc) => {
          notifySuccess(`${doc.number} posted: ${item.code} ${formatChange(qty)} ${item.uom}.`);
          onClose();
        },
        onError: form.fail,
      },
    );
  };

  return (
    <Modal opened={item !== null} onClose={onClose} title={shown ? `Adjust stock · ${shown.code}` : ''} data-testid="adjust-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          <SegmentedControl
            fullWidth
            size="md"
            color={adding ? 'teal' : 'red'}
            data={[
              { value: 'add', label: 'Add' },
              { value: 'subtract', label: 'Subtract' },
            ]}
            value={values.direction}
            onChange={(d) => form.set('direction', d as Direction)}
            data-testid="adjust-direction"
          />
          <StockKeyFields value={values} onChange={form.patchKey} errors={form.errors} />
          <CurrentQty stockKey={values} uom={shown?.uom ?? ''} />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput
              label={adding ? 'Quantity to add' : 'Quantity to subtract'}
              required
              inputMode="decimal"
              autoComplete="off"
              rightSection={shown?.uom}
              rightSectionWidth={48}
              {...form.bind('qty')}
            />
            {adding && (
              <TextInput
                label="Unit cost"
                description="Optional; else the average cost on hand"
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                inputMode="decimal"
                autoComplete="off"
                {...form.bind('unitCost')}
              />
            )}
          </SimpleGrid>
          <Select
            label="Reason"
            required
            placeholder="Why the stock changed"
            data={ADJUSTMENT_REASONS}
            value={values.reason}
            onChange={(r) => form.set('reason', r)}
            error={form.errorOf('reason')}
            comboboxProps={{ withinPortal: true }}
          />
          <Textarea label="Note" required autosize minRows={2} placeholder="What happened, for whoever reads the ledger later" {...form.bind('note')} />
          <FormFooter problem={form.problem} problemTitle="Not posted" submitLabel={adding ? 'Add stock' : 'Subtract stock'} loading={adjust.isPending} onCancel={onClose} testId="adjust" submitColor={adding ? 'teal' : 'red'} />
        </Stack>
      </form>
    </Modal>
  );
}
