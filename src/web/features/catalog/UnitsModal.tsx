import { useEffect, type FormEvent } from 'react';
import { Button, Divider, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useCan } from '../../auth/me';
import { DataTable } from '../../ui/DataTable';
import { QueryState } from '../../ui/QueryState';
import { useForm } from '../../ui/use-form';
import { notifySuccess } from '../../ui/notify';
import { useCreateUnit, useUnits } from './api';

const PRECISION = [0, 1, 2, 3, 4, 5, 6].map((d) => ({ value: String(d), label: d === 0 ? 'Whole units only' : `Up to ${d} decimal${d === 1 ? '' : 's'}` }));

const counted = (decimals: number) => (decimals === 0 ? 'whole' : `${decimals} decimal${decimals === 1 ? '' : 's'}`);

const blank = () => ({ code: '', name: '', decimals: '0' });

/** The units items are counted in; those who manage the catalog add one (never change it: stock is posted in it). */
export function UnitsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const can = useCan();
  const units = useUnits(opened);
  const create = useCreateUnit();
  const form = useForm(blank());
  const rows = units.data ?? [];

  useEffect(() => {
    if (opened) form.reset(blank());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = { code: form.values.code.trim(), name: form.values.name.trim(), decimals: Number(form.values.decimals) };
    create.mutate(
      { input, key: form.idempotencyKey },
      {
        onSuccess: (u) => {
          notifySuccess(`Unit ${u.code} added.`);
          form.reset(blank());
        },
        onError: form.fail,
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Units of measure" size="lg" data-testid="units-modal">
      <Stack>
        <QueryState pending={units.isPending} error={units.error}>
          <DataTable testId="units-table" minWidth={400} count={rows.length} empty="No units." columns={['Code', 'Name', 'Counted']}>
            {rows.map((u) => (
              <Table.Tr key={u.code} data-testid="unit-row" data-code={u.code}>
                <Table.Td fw={600}>{u.code}</Table.Td>
                <Table.Td>{u.name}</Table.Td>
                <Table.Td>{counted(u.decimals)}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        </QueryState>
        {can('catalog.manage') && (
          <form onSubmit={submit} noValidate>
            <Divider mb="sm" />
            <Text size="sm" c="dimmed" mb="xs">
              A unit is fixed once added: stock is posted in it. One counted whole refuses fractions (2.5 pairs).
            </Text>
            <Group align="flex-start" grow>
              <TextInput label="Code" placeholder="pair" required autoComplete="off" {...form.bind('code')} />
              <TextInput label="Name" placeholder="pair" required autoComplete="off" {...form.bind('name')} />
              <Select label="Counted" data={PRECISION} value={form.values.decimals} onChange={(v) => v && form.set('decimals', v)} error={form.errorOf('decimals')} allowDeselect={false} comboboxProps={{ withinPortal: true }} />
            </Group>
            <Group justify="flex-end" mt="sm">
              <Button type="submit" loading={create.isPending} data-testid="unit-submit">
                Add unit
              </Button>
            </Group>
          </form>
        )}
      </Stack>
    </Modal>
  );
}
