import { useEffect, type FormEvent } from 'react';
import { Checkbox, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '../../../ui/use-form';
import { notifySuccess } from '../../../ui/notify';
import { orNull } from '../../../ui/format';
import { formatDecimal } from '../../inventory/decimal';
import { isWholePositive } from '../units';
import { plantDay } from '../../../ui/plant-day';
import { useCreateStampOrder, useRegions } from './api';
import { FormFooter } from '../../../ui/FormFooter';



const blank = () => ({ regionCode: null as string | null, qty: '', supplier: '', orderedOn: plantDay(), note: '', received: false });

/** Logs a stamp order; "already received" posts the stamps into stock at once. */
export function NewStampOrderModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateStampOrder();
  const regions = useRegions(opened);
  const form = useForm(blank());
  const { values } = form;

  useEffect(() => {
    if (opened) form.reset(blank());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!values.regionCode) local.regionCode = 'pick a region';
    if (!isWholePositive(values.qty)) local.qty = 'a quantity greater than zero';
    if (Object.keys(local).length) return form.setErrors(local);
    const input = {
      regionCode: values.regionCode!,
      qty: values.qty.trim(),
      supplier: orNull(values.supplier),
      orderedOn: values.orderedOn || undefined,
      note: orNull(values.note),
      received: values.received,
    };
    create.mutate(
      { input, key: form.idempotencyKey },
      {
        onSuccess: (order) => {
          notifySuccess(`${order.number}: ${formatDecimal(order.qty)} ${order.regionName} stamps ${order.status === 'received' ? 'received into stock' : 'on order'}.`);
          onClose();
        },
        onError: form.fail,
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title="New stamp order" data-testid="new-stamp-order-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <Select
              label="Region"
              required
              data-autofocus
              data={(regions.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
              value={values.regionCode}
              onChange={(v) => form.set('regionCode', v)}
              error={form.errorOf('regionCode')}
              comboboxProps={{ withinPortal: true }}
              data-testid="stamp-order-region"
            />
            <TextInput label="Stamps" required inputMode="decimal" autoComplete="off" {...form.bind('qty')} data-testid="stamp-order-qty" />
            <TextInput label="Supplier" {...form.bind('supplier')} />
            <TextInput label="Ordered on" type="date" {...form.bind('orderedOn')} />
          </SimpleGrid>
          <Textarea label="Note" autosize minRows={2} {...form.bind('note')} />
          <Checkbox
            label="Already received (post the stamps into stock now)"
            checked={values.received}
            onChange={(e) => form.set('received', e.currentTarget.checked)}
            data-testid="stamp-order-received"
          />
          <FormFooter submitLabel={values.received ? 'Receive stamps' : 'Place order'} loading={create.isPending} onCancel={onClose} testId="stamp-order" />
        </Stack>
      </form>
    </Modal>
  );
}
