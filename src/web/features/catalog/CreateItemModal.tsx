import { useEffect, type FormEvent } from 'react';
import { Divider, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import type { ItemDto } from '../../api/types';
import { useForm } from '../../ui/use-form';
import { notifySuccess } from '../../ui/notify';
import { orNull } from '../../ui/format';
import { useAttributeLibrary, useCreateItem, useUnits } from './api';
import { AttributesEditor, type AttributeRow } from './AttributesEditor';
import { StageRulesEditor } from './StageRulesEditor';
import { KIND_OPTIONS, withoutErrorsUnder } from './labels';
import { FormFooter } from '../../ui/FormFooter';
import { PrimaryAttributeSelect } from './PrimaryAttributeSelect';

const blank = () => ({
  code: '',
  name: '',
  kind: 'material' as ItemDto['kind'],
  uom: 'ea',
  category: '',
  lowStockThreshold: '',
  attributes: [] as AttributeRow[],
  stageAttribute: null as string | null,
  primaryAttribute: null as string | null,
  stageAttributes: {} as Record<string, string[]>,
});

/** A new item with the attributes its variants take; opens the item once created. */
export function CreateItemModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateItem();
  const units = useUnits(opened);
  const library = useAttributeLibrary(opened);
  const navigate = useNavigate();
  const form = useForm(blank());
  const { values } = form;

  useEffect(() => {
    if (opened) form.reset(blank());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // what the stage editor shows is what is sent: rules only for stages and attributes still listed
    const codes = values.attributes.map((a) => a.attribute.trim());
    const stage = values.stageAttribute && codes.includes(values.stageAttribute) ? values.stageAttribute : null;
    const stages = values.attributes.find((a) => a.attribute.trim() === stage)?.values ?? [];
    const rules = Object.entries(values.stageAttributes)
      .filter(([s]) => stages.includes(s))
      .map(([s, attrs]) => [s, attrs.filter((a) => a !== stage && codes.includes(a))] as const)
      .filter(([, attrs]) => attrs.length > 0);
    const primary = values.primaryAttribute && codes.includes(values.primaryAttribute) && values.primaryAttribute !== stage ? values.primaryAttribute : null;
    const input = {
      code: values.code.trim(),
      name: values.name.trim(),
      kind: values.kind,
      uom: values.uom,
      category: orNull(values.category),
      // a service is not stocked: it has no low-stock level
      lowStockThreshold: values.kind === 'service' ? null : orNull(values.lowStockThreshold),
      attributes: values.attributes.map((a) => ({ attribute: a.attribute.trim(), values: a.values })),
      stageAttribute: stage,
      primaryAttribute: primary,
      ...(stage && rules.length ? { stageAttributes: Object.fromEntries(rules) } : {}),
    };
    create.mutate(
      { input, key: form.idempotencyKey },
      {
        onSuccess: (item) => {
          notifySuccess(`Item ${item.code} created.`);
          onClose();
          void navigate({ to: '/catalog/items/$itemId', params: { itemId: item.id } });
        },
        onError: form.fail,
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title="New item" size="xl" data-testid="create-item-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Code" required autoComplete="off" data-autofocus {...form.bind('code')} />
            <TextInput label="Name" required autoComplete="off" {...form.bind('name')} />
            <Select label="Kind" required data={KIND_OPTIONS} value={values.kind} onChange={(v) => v && form.set('kind', v as ItemDto['kind'])} error={form.errorOf('kind')} allowDeselect={false} comboboxProps={{ withinPortal: true }} />
            <Select
              label="Unit"
              required
              description="Fixed once created: every quantity is posted in it"
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              data={(units.data ?? []).map((u) => ({ value: u.code, label: `${u.code} · ${u.name}` }))}
              value={values.uom}
              onChange={(v) => v && form.set('uom', v)}
              error={form.errorOf('uom')}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            <TextInput label="Category" {...form.bind('category')} />
            {values.kind !== 'service' && (
              <TextInput label="Low stock below" description="Optional: warn when stock falls under this" inputWrapperOrder={['label', 'input', 'description', 'error']} inputMode="decimal" {...form.bind('lowStockThreshold')} />
            )}
          </SimpleGrid>
          <Divider />
          <AttributesEditor
            rows={values.attributes}
            onChange={(rows) => {
              form.set('attributes', rows);
              form.setErrors((errs) => withoutErrorsUnder(errs, 'attributes'));
            }}
            errors={form.errors}
            library={library.data ?? []}
          />
          {values.attributes.length > 1 && (
            <PrimaryAttributeSelect
              codes={values.attributes.map((a) => a.attribute.trim()).filter((c) => c && c !== values.stageAttribute)}
              value={values.primaryAttribute}
              onChange={(code) => form.set('primaryAttribute', code)}
              error={form.errorOf('primaryAttribute')}
            />
          )}
          {values.attributes.length > 1 && (
            <StageRulesEditor
              rows={values.attributes}
              stageAttribute={values.stageAttribute}
              rules={values.stageAttributes}
              onStage={(code) => form.set('stageAttribute', code)}
              onRules={(rules) => form.set('stageAttributes', rules)}
              errors={form.errors}
            />
          )}
          <FormFooter submitLabel="Create item" loading={create.isPending} onCancel={onClose} testId="create-item" />
        </Stack>
      </form>
    </Modal>
  );
}
