import { useEffect, type FormEvent } from 'react';
import { ColorSwatch, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '../../../ui/use-form';
import { notifySuccess } from '../../../ui/notify';
import { useCreateRegion } from './api';
import { FormFooter } from '../../../ui/FormFooter';

/** Mantine palette names: regions are told apart by colour on the calendar and the stamp counters. */
const COLOURS = ['red', 'pink', 'grape', 'violet', 'indigo', 'blue', 'cyan', 'teal', 'green', 'lime', 'yellow', 'orange', 'gray'];

const blank = () => ({ code: '', name: '', colour: 'blue' });

export function RegionModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateRegion();
  const form = useForm(blank());
  useEffect(() => {
    if (opened) form.reset(blank());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = { code: form.values.code.trim(), name: form.values.name.trim(), colour: form.values.colour };
    create.mutate({ input, key: form.idempotencyKey }, {
      onSuccess: (r) => {
        notifySuccess(`Tax region ${r.name} added with its stamp.`);
        onClose();
      },
      onError: form.fail,
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Add tax region" data-testid="region-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label="Name" required data-autofocus autoComplete="off" placeholder="Nova Scotia" {...form.bind('name')} />
          <TextInput label="Code" required autoComplete="off" description="Lower-case, e.g. nova-scotia" inputWrapperOrder={['label', 'input', 'description', 'error']} {...form.bind('code')} />
          <Select
            label="Colour"
            data={COLOURS}
            value={form.values.colour}
            onChange={(c) => c && form.set('colour', c)}
            leftSection={<ColorSwatch color={`var(--mantine-color-${form.values.colour}-6)`} size={16} />}
            renderOption={({ option }) => (
              <Group gap="xs">
                <ColorSwatch color={`var(--mantine-color-${option.value}-6)`} size={16} />
                {option.label}
              </Group>
            )}
            error={form.errorOf('colour')}
            comboboxProps={{ withinPortal: true }}
          />
          <FormFooter submitLabel="Add region" loading={create.isPending} onCancel={onClose} testId="region" />
        </Stack>
      </form>
    </Modal>
  );
}
