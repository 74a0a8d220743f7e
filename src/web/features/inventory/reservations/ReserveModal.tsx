import { useEffect, type FormEvent } from 'react';
import { Modal, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { notifySuccess } from '../../../ui/notify';
import { orNull } from '../../../ui/format';
import { plantInstant } from '../../../ui/plant-day';
import { useItemOptions } from '../api/catalog';
import { useReserve } from '../api/reservations';
import { formatDecimal, quantityProblem } from '../decimal';
import { StockKeyFields } from '../dialogs/StockKeyFields';
import { CurrentQty } from '../dialogs/CurrentQty';
import { blankKey, useKeyForm } from '../dialogs/use-key-form';
import { FormFooter } from '../../../ui/FormFooter';

const blank = () => ({ ...blankKey(null), qty: '', expiresAt: '', reference: '', note: '' });

/** Holds stock of one key for a purpose, so no one else issues it; it may expire. */
export function ReserveModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const reserve = useReserve();
  const items = useItemOptions(opened);
  const form = useKeyForm(blank());
  const { values } = form;
  const uom = items.data?.find((i) => i.id === values.itemId)?.uom ?? '';

  useEffect(() => {
    if (opened) form.reset(blank());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!values.itemId) errors.itemId = 'Choose the item';
    else if (!values.variantId) errors.variantId = 'Choose the variant';
    if (!values.locationId) errors.locationId = 'Choose the location';
    const qtyProblem = quantityProblem(values.qty);
    if (qtyProblem) errors.qty = qtyProblem;
    // a datetime-local value is the plant's clock; the API takes an instant
    const expires = values.expiresAt ? (plantInstant(values.expiresAt) ?? null) : null;
    if (expires && !(expires.getTime() > Date.now())) errors.expiresAt = 'Choose a moment in the future, or leave it empty';
    if (Object.keys(errors).length) return form.setErrors(errors);
    const reference = orNull(values.reference);
    const input = {
      variantId: values.variantId!, locationId: values.locationId!, lotId: values.lotId, grade: values.grade, qty: values.qty.trim(),
      expiresAt: expires?.toISOString() ?? null, sourceType: reference ? 'manual' : null, sourceId: reference, note: orNull(values.note),
    };
    reserve.mutate(
      { input, key: form.idempotencyKey },
      {
        onSuccess: () => {
          notifySuccess(`Reserved ${formatDecimal(input.qty)} ${uom}.`);
          onClose();
        },
        onError: form.fail,
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Reserve stock" data-testid="reserve-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          <StockKeyFields value={values} onChange={form.patchKey} errors={form.errors} pickItem />
          <CurrentQty stockKey={values} uom={uom} />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput label="Quantity" required inputMode="decimal" autoComplete="off" rightSection={uom} rightSectionWidth={48} {...form.bind('qty')} />
            <TextInput label="Expires" type="datetime-local" description="Optional: the hold ends by itself" inputWrapperOrder={['label', 'input', 'description', 'error']} {...form.bind('expiresAt')} />
          </SimpleGrid>
          <TextInput label="Reference" placeholder="Order or job number" maxLength={100} autoComplete="off" {...form.bind('reference')} />
          <Textarea label="Note" autosize minRows={2} maxLength={500} placeholder="Optional: what the stock is held for" {...form.bind('note')} />
          <FormFooter problem={form.problem} problemTitle="Not reserved" submitLabel="Reserve" loading={reserve.isPending} onCancel={onClose} testId="reserve" />
        </Stack>
      </form>
    </Modal>
  );
}
