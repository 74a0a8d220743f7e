import { type FormEvent } from 'react';
import { Button, Divider, Group, Modal, Select, Stack, Table, TagsInput, Text, TextInput } from '@mantine/core';
import { useCan } from '../../auth/me';
import { DataTable } from '../../ui/DataTable';
import { QueryState } from '../../ui/QueryState';
import { useForm } from '../../ui/use-form';
import { notifySuccess } from '../../ui/notify';
import { useAttributeLibrary, useCreateAttribute, useUpdateAttribute } from './api';

const blank = () => ({ code: '', name: '', values: [] as string[] });

/**
 * The plant's attribute library (Size with XS…XXL, Colour…): a new item's attribute starts from
 * it and keeps its own copy. Those who manage the catalog add attributes and values (values are
 * only added: items and variants may carry any of them).
 */
export function AttributeLibraryModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const can = useCan();
  const library = useAttributeLibrary(opened);
  const rows = library.data ?? [];
  return (
    <Modal opened={opened} onClose={onClose} title="Attribute library" size="xl" data-testid="attribute-library-modal">
      <Stack>
        <Text size="sm" c="dimmed">
          New items start from these values; each item keeps its own copy, so changing the library never changes an item.
        </Text>
        <QueryState pending={library.isPending} error={library.error}>
          <DataTable testId="attribute-library-table" minWidth={500} count={rows.length} empty="No attributes yet." columns={['Code', 'Name', 'Values', 'Items']}>
            {rows.map((a) => (
              <Table.Tr key={a.code} data-testid="library-attribute" data-code={a.code}>
                <Table.Td fw={600}>{a.code}</Table.Td>
                <Table.Td>{a.name}</Table.Td>
                <Table.Td data-testid="library-values">{a.values.join(', ')}</Table.Td>
                <Table.Td>{a.items}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </QueryState>
        {can('catalog.manage') && opened && (
          <>
            <Divider />
            <NewAttributeForm />
            <AddValuesForm codes={rows.map((a) => a.code)} />
          </>
        )}
      </Stack>
    </Modal>
  );
}

function NewAttributeForm() {
  const create = useCreateAttribute();
  const form = useForm(blank());
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { code, name, values } = form.values;
    create.mutate(
      { input: { code: code.trim(), ...(name.trim() ? { name: name.trim() } : {}), values }, key: form.idempotencyKey },
      { onSuccess: (a) => { notifySuccess(`Attribute ${a.code} added to the library.`); form.reset(blank()); }, onError: form.fail },
    );
  };
  return (
    <form onSubmit={submit} noValidate data-testid="new-attribute-form">
      <Text size="sm" fw={500} mb="xs">New attribute</Text>
      <Group align="flex-start" wrap="nowrap">
        <TextInput aria-label="Attribute code" placeholder="size" required autoComplete="off" w={140} {...form.bind('code')} />
        <TextInput aria-label="Attribute name" placeholder="Size" autoComplete="off" w={160} {...form.bind('name')} />
        <TagsInput aria-label="Attribute values" placeholder="Type a value, then Enter" value={form.values.values} onChange={(v) => form.set('values', v)} error={form.errorOf('values')} splitChars={[',', '|']} style={{ flex: 1 }} />
        <Button type="submit" loading={create.isPending} data-testid="new-attribute-submit">Add</Button>
      </Group>
    </form>
  );
}

function AddValuesForm({ codes }: { codes: string[] }) {
  const update = useUpdateAttribute();
  const form = useForm({ code: null as string | null, addValues: [] as string[] });
  if (!codes.length) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { code, addValues } = form.values;
    if (!code || !addValues.length) return form.setErrors(code ? { addValues: 'Type at least one value' } : { code: 'Choose the attribute' });
    update.mutate(
      { code, input: { addValues } },
      { onSuccess: (a) => { notifySuccess(`${addValues.length} value${addValues.length === 1 ? '' : 's'} added to ${a.code}.`); form.reset({ code, addValues: [] }); }, onError: form.fail },
    );
  };
  return (
    <form onSubmit={submit} noValidate data-testid="add-values-form">
      <Text size="sm" fw={500} mb="xs">Add values</Text>
      <Group align="flex-start" wrap="nowrap">
        <Select aria-label="Attribute to add values to" placeholder="Attribute" data={codes} value={form.values.code} onChange={(v) => form.set('code', v)} error={form.errorOf('code')} w={140} comboboxProps={{ withinPortal: true }} />
        <TagsInput aria-label="Values to add" placeholder="Type a value, then Enter" value={form.values.addValues} onChange={(v) => form.set('addValues', v)} error={form.errorOf('addValues')} splitChars={[',', '|']} style={{ flex: 1 }} />
        <Button type="submit" variant="light" loading={update.isPending} data-testid="add-values-submit">Add values</Button>
      </Group>
    </form>
  );
}
