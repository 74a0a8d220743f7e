import { useEffect, type FormEvent } from 'react';
import { Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '../../../ui/use-form';
import { notifySuccess } from '../../../ui/notify';
import { useCreateBrand } from './api';
import { FormFooter } from '../../../ui/FormFooter';

const blank = () => ({ code: '', name: '' });

export function BrandModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateBrand();
  const form = useForm(blank());
  useEffect(() => {
    if (opened) form.reset(blank());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = { code: form.values.code.trim(), name: form.values.name.trim() };
    create.mutate({ input, key: form.idempotencyKey }, {
      onSuccess: (b) => {
        notifySuccess(`Brand ${b.name} added.`);
        onClose();
      },
      onError: form.fail,
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Add brand" data-testid="brand-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label="Name" required data-autofocus autoComplete="off" {...form.bind('name')} />
          <TextInput label="Code" required autoComplete="off" description="Short and unique, e.g. ORB" {...form.bind('code')} />
          <FormFooter submitLabel="Add brand" loading={create.isPending} onCancel={onClose} testId="brand" />
        </Stack>
      </form>
    </Modal>
  );
}
