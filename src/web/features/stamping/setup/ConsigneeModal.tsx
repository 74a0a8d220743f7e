import { useEffect, type FormEvent } from 'react';
import { Modal, Select, Stack, Text } from '@mantine/core';
import { useForm } from '../../../ui/use-form';
import { notifySuccess } from '../../../ui/notify';
import { useCustomerOptions } from '../../customers/api';
import { useCreateConsignee } from './api';
import { FormFooter } from '../../../ui/FormFooter';

/** Makes an existing customer account a consignee: they get their own consigned-stock location. */
export function ConsigneeModal({ opened, taken, onClose }: { opened: boolean; taken: string[]; onClose: () => void }) {
  const create = useCreateConsignee();
  const customers = useCustomerOptions(opened);
  const form = useForm({ customerId: null as string | null });
  useEffect(() => {
    if (opened) form.reset({ customerId: null });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);
  const options = (customers.data ?? []).filter((c) => !taken.includes(c.id)).map((c) => ({ value: c.id, label: `${c.name} · ${c.code}` }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.values.customerId) return form.setErrors({ customerId: 'Choose the customer' });
    create.mutate({ input: { customerId: form.values.customerId }, key: form.idempotencyKey }, {
      onSuccess: (c) => {
        notifySuccess(`${c.name} is a consignee; their goods go to ${c.locationCode}.`);
        onClose();
      },
      onError: form.fail,
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Set up customer as consignee" data-testid="consignee-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Select
            label="Customer"
            required
            searchable
            data={options}
            nothingFoundMessage="Every customer is a consignee already"
            value={form.values.customerId}
            onChange={(v) => form.set('customerId', v)}
            error={form.errorOf('customerId')}
            comboboxProps={{ withinPortal: true }}
          />
          <Text size="sm" c="dimmed">Customer accounts are managed under Customers.</Text>
          <FormFooter submitLabel="Set up consignee" loading={create.isPending} onCancel={onClose} testId="consignee" />
        </Stack>
      </form>
    </Modal>
  );
}
