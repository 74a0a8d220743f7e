import { useEffect, type FormEvent } from 'react';
import { Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { notifySuccess } from '../../../ui/notify';
import { useItemOptions } from '../api/catalog';
import { usePostCount } from '../api/stock-commands';
import { formatChange, isZero, POSITIVE_INPUT } from '../decimal';
import { StockKeyFields } from './StockKeyFields';
import { CurrentQty } from './CurrentQty';
import { blankKey, useKeyForm, type ItemRef } from './use-key-form';
import { FormFooter } from '../../../ui/FormFooter';

const blank = (itemId: string | null) => ({ ...blankKey(itemId), countedQty: '', note: '' });

interface Props {
  opened: boolean;
  /** The item being counted; null lets the person pick it. */
  item: ItemRef | null;
  onClose: () => void;
}

/** A stock count on one key: the counted figure is posted, the ledger books the difference. */
export function CountModal({ opened, item, onClose }: Props) {
  const count = usePostCount();
  const items = useItemOptions(opened && item === null);
  const form = useKeyForm(blank(item?.id ?? null));
  const { values } = form;
  const uom = item?.uom ?? items.data?.find((i) => i.id === values.itemId)?.uom ?? '';

  useEffect(() => {
    if (opened) form.reset(blank(item?.id ?? null));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, item?.id]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!values.itemId) errors.itemId = 'Choose the item';
    else if (!values.variantId) errors.variantId = 'Choose the variant';
    if (!values.locationId) errors.locationId = 'Choose the location';
    if (!POSITIVE_INPUT.test(values.countedQty.trim())) errors.countedQty = 'Enter the counted quantity, such as 0, 12 or 2.5';
    if (!values.note.trim()) errors.note = 'Say who counted, and anything unusual';
    if (Object.keys(errors).length) return form.setErrors(errors);
    const line = { variantId: values.variantId!, locationId: values.locationId!, lotId: values.lotId, grade: values.grade, countedQty: values.countedQty.trim() };
    count.mutate(
      { input: { note: values.note.trim(), lines: [line] }, key: form.idempotencyKey },
      {
        onSuccess: (doc) => {
          const diff = doc.entries[0]?.qty;
          notifySuccess(diff && !isZero(diff) ? `${doc.number} posted: ${formatChange(diff)} ${uom} to match the count.` : `${doc.number}: the count matches the books.`);
          onClose();
        },
        onError: form.fail,
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={item ? `Stock count · ${item.code}` : 'Stock count'} data-testid="count-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          <StockKeyFields value={values} onChange={form.patchKey} errors={form.errors} pickItem={item === null} />
          <CurrentQty stockKey={values} uom={uom} />
          <TextInput
            label="Counted quantity"
            required
            inputMode="decimal"
            autoComplete="off"
            rightSection={uom}
            rightSectionWidth={48}
            {...form.bind('countedQty')}
          />
          <Textarea label="Note" required autosize minRows={2} placeholder="Who counted, anything unusual" {...form.bind('note')} />
          <FormFooter problem={form.problem} problemTitle="Not posted" submitLabel="Post count" loading={count.isPending} onCancel={onClose} testId="count" />
        </Stack>
      </form>
    </Modal>
  );
}
