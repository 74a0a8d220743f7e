import { useEffect, type FormEvent } from 'react';
import { Modal, SimpleGrid, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import type { CustomerDto } from '../../api/types';
import { useForm } from '../../ui/use-form';
import { notifySuccess } from '../../ui/notify';
import { orNull } from '../../ui/format';
import { useCreateCustomer, useUpdateCustomer } from './api';
import { FormFooter } from '../../ui/FormFooter';

const fromCustomer = (c: CustomerDto | null) => ({
  code: c?.code ?? '',
  name: c?.name ?? '',
  email: c?.email ?? '',
  phone: c?.phone ?? '',
  address: c?.address ?? '',
  active: c?.active ?? true,
});

/** Create a customer account, or edit / (de)activate one (`customer` given). */
export function CustomerModal({ opened, customer, onClose }: { opened: boolean; customer: CustomerDto | null; onClose: () => void }) {
  const create = useCreateCustomer();
  const update = useUpdateCustomer();
  const form = useForm(fromCustomer(customer));

  useEffect(() => {
    if (opened) form.reset(fromCustomer(customer));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, customer?.id]);

  const done = (message: string) => {
    notifySuccess(message);
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = form.values;
    const details = { name: v.name.trim(), email: orNull(v.email), phone: orNull(v.phone), address: orNull(v.address) };
    if (customer) {
      update.mutate({ id: customer.id, patch: { ...details, active: v.active } }, { onSuccess: (c) => done(`Saved ${c.name}.`), onError: form.fail });
    } else {
      create.mutate(
        { input: { code: v.code.trim(), ...details }, key: form.idempotencyKey },
        { onSuccess: (c) => done(`Customer ${c.name} created.`), onError: form.fail },
      );
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={customer ? `Edit ${customer.name}` : 'New customer'}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput label="Code" required disabled={customer !== null} {...form.bind('code')} />
            <TextInput label="Name" required data-autofocus {...form.bind('name')} />
            <TextInput label="Email" type="email" {...form.bind('email')} />
            <TextInput label="Phone" type="tel" {...form.bind('phone')} />
          </SimpleGrid>
          <Textarea label="Address" autosize minRows={2} {...form.bind('address')} />
          {customer && (
            <Switch
              label="Active"
              description={form.values.active ? 'Its users can sign in' : 'Its users cannot sign in'}
              checked={form.values.active}
              onChange={(e) => form.set('active', e.currentTarget.checked)}
            />
          )}
          <FormFooter submitLabel={customer ? 'Save' : 'Create customer'} loading={create.isPending || update.isPending} onCancel={onClose} testId="customer" />
        </Stack>
      </form>
    </Modal>
  );
}
