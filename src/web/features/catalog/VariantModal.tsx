import { useEffect, type FormEvent } from 'react';
import { Modal, Select, Stack, Text } from '@mantine/core';
import type { ItemDto } from '../../api/types';
import { useForm } from '../../ui/use-form';
import { notifySuccess } from '../../ui/notify';
import { useRequestVariant } from './api';
import { applicableAttributes } from './applicable';
import { FormFooter } from '../../ui/FormFooter';

/** Picks a combination of the item's values and gets its variant, creating it the first time. */
export function VariantModal({ item, opened, onClose }: { item: ItemDto; opened: boolean; onClose: () => void }) {
  const request = useRequestVariant();
  const form = useForm({ chosen: {} as Record<string, string> });
  const chosen = form.values.chosen;

  useEffect(() => {
    if (opened) form.reset({ chosen: {} });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const stage = item.stageAttribute ? (chosen[item.stageAttribute] ?? null) : null;
  const asked = applicableAttributes(item, stage);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const attributes = Object.fromEntries(asked.filter((a) => chosen[a]).map((a) => [a, chosen[a]!]));
    request.mutate(
      { itemId: item.id, attributes },
      {
        onSuccess: (v) => {
          notifySuccess(v.created ? `Variant ${v.code} created.` : `Variant ${v.code} already exists.`);
          onClose();
        },
        onError: form.fail,
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={`Add variant · ${item.code}`} data-testid="variant-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          {asked.length === 0 && <Text size="sm">This item has no attributes: it has a single variant.</Text>}
          {asked.map((code) => (
            <Select
              key={code}
              label={code === item.stageAttribute ? `${code} (stage)` : code}
              required
              data={item.attributes.find((a) => a.attribute === code)?.values ?? []}
              value={chosen[code] ?? null}
              onChange={(v) => form.set('chosen', { ...chosen, [code]: v ?? '' })}
              error={form.errorOf(`attributes.${code}`)}
              comboboxProps={{ withinPortal: true }}
            />
          ))}
          <FormFooter submitLabel="Add variant" loading={request.isPending} onCancel={onClose} testId="variant" />
        </Stack>
      </form>
    </Modal>
  );
}
