import { useEffect, type FormEvent } from 'react';
import { Modal, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import type { LocationDto } from '../../../api/types';
import { useForm } from '../../../ui/use-form';
import { notifySuccess } from '../../../ui/notify';
import { useSticky } from '../../../ui/use-sticky';
import { FormFooter } from '../../../ui/FormFooter';
import { useCustomerOptions } from '../../customers/api';
import { useCreateLocation, useLocations, useRenameLocation } from '../api/places';
import { LOCATION_KINDS, parentsFor, childKindOf, type LocationKind } from './kinds';

/** What the dialog is for: a new place (inside a parent, if one was picked), or renaming one. */
export type LocationEdit = { mode: 'new'; parent: LocationDto | null } | { mode: 'rename'; location: LocationDto };

const blank = (parent: LocationDto | null) => ({
  code: '',
  name: '',
  kind: (parent ? childKindOf(parent.kind) : 'warehouse') as LocationKind,
  parentId: parent?.id ?? null,
  allowNegative: false,
  customerId: null as string | null,
});

/**
 * Adds a location — a warehouse, a zone or slot inside one, or a production, transit, supplier,
 * customer or scrap place — or renames one. A code is what stock keys, paths and scans use, so it
 * never changes; the name does.
 */
export function LocationModal({ editing, onClose }: { editing: LocationEdit | null; onClose: () => void }) {
  const create = useCreateLocation();
  const rename = useRenameLocation();
  const shown = useSticky(editing);
  const renaming = shown?.mode === 'rename' ? shown.location : null;
  const form = useForm(blank(null));
  const { values } = form;
  const locations = useLocations();
  const customers = useCustomerOptions(editing?.mode === 'new' && values.kind === 'customer');
  const parents = parentsFor(values.kind, locations.data ?? []);

  useEffect(() => {
    if (!editing) return;
    form.reset(editing.mode === 'new' ? blank(editing.parent) : { ...blank(null), code: editing.location.code, name: editing.location.name });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editing]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const name = values.name.trim();
    if (renaming) {
      return rename.mutate({ id: renaming.id, name }, {
        onSuccess: () => {
          notifySuccess(`Location ${renaming.code} renamed to ${name}.`);
          onClose();
        },
        onError: form.fail,
      });
    }
    const input = { ...values, code: values.code.trim(), name, customerId: values.kind === 'customer' ? values.customerId : null };
    create.mutate({ input, key: form.idempotencyKey }, {
      onSuccess: () => {
        notifySuccess(`Location ${input.code} added.`);
        onClose();
      },
      onError: form.fail,
    });
  };

  const changeKind = (kind: LocationKind) => {
    form.set('kind', kind);
    // a parent of another kind would be refused: keep it only where it still fits
    if (!parentsFor(kind, locations.data ?? []).some((p) => p.id === values.parentId)) form.set('parentId', null);
  };

  return (
    <Modal opened={editing !== null} onClose={onClose} title={renaming ? `Rename location · ${renaming.code}` : 'New location'} size="lg" data-testid="location-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          {!renaming && (
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <TextInput label="Code" required description="Letters, digits, dot, dash or underscore; never changes" inputWrapperOrder={['label', 'input', 'description', 'error']}
                autoComplete="off" data-autofocus {...form.bind('code')} data-testid="location-code" />
              <Select label="Kind" required allowDeselect={false} data={LOCATION_KINDS.map((k) => ({ value: k.value, label: k.label }))}
                value={values.kind} onChange={(k) => k && changeKind(k as LocationKind)} error={form.errorOf('kind')}
                description={LOCATION_KINDS.find((k) => k.value === values.kind)?.description} inputWrapperOrder={['label', 'input', 'description', 'error']}
                comboboxProps={{ withinPortal: true }} data-testid="location-kind-select" />
            </SimpleGrid>
          )}
          <TextInput label="Name" required autoComplete="off" data-autofocus={renaming ? true : undefined} {...form.bind('name')} data-testid="location-name" />
          {!renaming && (
            <>
              <Select
                label="Inside"
                placeholder={values.kind === 'zone' || values.kind === 'slot' ? 'Pick a warehouse or zone' : 'Nowhere: a top-level place'}
                required={values.kind === 'zone' || values.kind === 'slot'}
                clearable searchable
                data={parents.map((p) => ({ value: p.id, label: `${p.path} · ${p.name}` }))}
                value={values.parentId}
                onChange={(id) => form.set('parentId', id)}
                error={form.errorOf('parentId')}
                comboboxProps={{ withinPortal: true }}
                data-testid="location-parent"
              />
              {values.kind === 'customer' && (
                <Select label="Customer" placeholder="Not tied to a customer account" clearable searchable
                  data={(customers.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
                  value={values.customerId} onChange={(id) => form.set('customerId', id)} error={form.errorOf('customerId')}
                  comboboxProps={{ withinPortal: true }} />
              )}
              <Switch label="Allow negative stock" description="Postings may take this place's balances below zero (a consignment or a line-side buffer counted later)"
                checked={values.allowNegative} onChange={(e) => form.set('allowNegative', e.currentTarget.checked)} data-testid="location-allow-negative" />
            </>
          )}
          <FormFooter submitLabel={renaming ? 'Rename' : 'Add location'} loading={create.isPending || rename.isPending} onCancel={onClose} testId="location" />
        </Stack>
      </form>
    </Modal>
  );
}
