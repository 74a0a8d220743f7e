import { useEffect, type FormEvent } from 'react';
import { Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '../../../ui/use-form';
import { notifySuccess } from '../../../ui/notify';
import { orNull } from '../../../ui/format';
import { useItemOptions, useVariants } from '../api/catalog';
import { useCreateLot } from '../api/places';
import { FormFooter } from '../../../ui/FormFooter';

const blank = () => ({
  code: '',
  itemId: null as string | null,
  variantId: null as string | null,
  expiryDate: '',
  supplier: '',
  receivedDate: '',
  note: '',
});

/** A new lot (batch) of an item, with its expiry date and where it came from. */
export function CreateLotModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateLot();
  const items = useItemOptions(opened, true);
  const form = useForm(blank());
  const { values } = form;
  const variants = useVariants(values.itemId);
  const variantList = variants.data ?? [];

  useEffect(() => {
    if (opened) form.reset(blank());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = {
      code: values.code.trim(),
      itemId: values.itemId,
      variantId: values.variantId ?? (variantList.length === 1 ? variantList[0]!.id : null),
      expiryDate: orNull(values.expiryDate),
      supplier: orNull(values.supplier),
      receivedDate: orNull(values.receivedDate),
      note: orNull(values.note),
    };
    create.mutate(
      { input, key: form.idempotencyKey },
      {
        onSuccess: () => {
          notifySuccess(`Lot ${input.code} created.`);
          onClose();
        },
        onError: form.fail,
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title="New lot" data-testid="create-lot-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput label="Lot code" required autoComplete="off" data-autofocus {...form.bind('code')} />
            <Select
              label="Item"
              placeholder="Any item"
              searchable
              clearable
              data={(items.data ?? []).map((i) => ({ value: i.id, label: `${i.code} · ${i.name}` }))}
              value={values.itemId}
              onChange={(itemId) => {
                form.set('itemId', itemId);
                form.set('variantId', null);
              }}
              error={form.errorOf('itemId')}
              comboboxProps={{ withinPortal: true }}
            />
            {variantList.length > 1 && (
              <Select
                label="Variant"
                placeholder="Every variant"
                clearable
                data={variantList.map((v) => ({ value: v.id, label: v.code }))}
                value={values.variantId}
                onChange={(v) => form.set('variantId', v)}
                error={form.errorOf('variantId')}
                comboboxProps={{ withinPortal: true }}
              />
            )}
            <TextInput label="Supplier" {...form.bind('supplier')} />
            <TextInput label="Received" type="date" {...form.bind('receivedDate')} />
            <TextInput label="Expires" type="date" {...form.bind('expiryDate')} />
          </SimpleGrid>
          <Textarea label="Note" autosize minRows={2} {...form.bind('note')} />
          <FormFooter submitLabel="Create lot" loading={create.isPending} onCancel={onClose} testId="create-lot" />
        </Stack>
      </form>
    </Modal>
  );
}
