import { useEffect, type FormEvent } from 'react';
import { Divider, Modal, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import type { ItemDto } from '../../api/types';
import { useForm } from '../../ui/use-form';
import { notifySuccess } from '../../ui/notify';
import { orNull } from '../../ui/format';
import { useUpdateItem } from './api';
import { errorUnder, withoutErrorsUnder } from './labels';
import { StageRulesFields } from './StageRulesFields';
import { FormFooter } from '../../ui/FormFooter';
import { PrimaryAttributeSelect } from './PrimaryAttributeSelect';

const fromItem = (item: ItemDto) => ({
  name: item.name,
  category: item.category ?? '',
  lowStockThreshold: item.lowStockThreshold ?? '',
  primaryAttribute: item.primaryAttribute,
  /** attribute code → values to add */
  added: {} as Record<string, string[]>,
  /** stage → attributes applying there, for the stages changed in this form */
  rules: {} as Record<string, string[]>,
});

/**
 * Edits what may change on an item: its name, category, low-stock threshold, primary attribute, more values for
 * its attributes and, for a staged item, the attributes at stages no variant is at yet. Code,
 * kind and unit stay (variant codes and posted quantities use them).
 */
export function EditItemModal({ item, opened, onClose }: { item: ItemDto; opened: boolean; onClose: () => void }) {
  const update = useUpdateItem(item.id);
  const form = useForm(fromItem(item));
  const { values } = form;

  useEffect(() => {
    if (opened) form.reset(fromItem(item));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  // the API numbers the attributes it is sent: remember which is which to place its errors
  const adding = item.attributes.map((a) => a.attribute).filter((code) => (values.added[code] ?? []).length > 0);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = {
      name: values.name.trim(),
      category: orNull(values.category),
      lowStockThreshold: item.kind === 'service' ? undefined : orNull(values.lowStockThreshold),
      ...(values.primaryAttribute !== item.primaryAttribute ? { primaryAttribute: values.primaryAttribute } : {}),
      ...(adding.length ? { addValues: adding.map((attribute) => ({ attribute, values: values.added[attribute]! })) } : {}),
      ...(Object.keys(values.rules).length ? { stageRules: values.rules } : {}),
    };
    update.mutate(input, {
      onSuccess: (after) => {
        notifySuccess(`Item ${after.code} saved.`);
        onClose();
      },
      onError: form.fail,
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={`Edit item · ${item.code}`} size="lg" data-testid="edit-item-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label="Name" required autoComplete="off" data-autofocus {...form.bind('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Category" {...form.bind('category')} />
            {item.kind !== 'service' && <TextInput label="Low stock below" inputMode="decimal" {...form.bind('lowStockThreshold')} />}
          </SimpleGrid>
          {item.attributes.length > 1 && (
            <PrimaryAttributeSelect
              codes={item.attributes.map((a) => a.attribute).filter((c) => c !== item.stageAttribute)}
              value={values.primaryAttribute}
              onChange={(code) => form.set('primaryAttribute', code)}
              error={form.errorOf('primaryAttribute')}
            />
          )}
          {item.attributes.length > 0 && (
            <>
              <Divider />
              <Text size="sm" c="dimmed">
                Values can be added, never removed: variants in stock may carry any of them.
              </Text>
              {item.attributes.map((a) => {
                const i = adding.indexOf(a.attribute);
                return (
                  <TagsInput
                    key={a.attribute}
                    label={`New values for ${a.attribute}`}
                    description={`Now: ${a.values.join(', ')}`}
                    inputWrapperOrder={['label', 'description', 'input', 'error']}
                    placeholder="Type a value, then Enter"
                    value={values.added[a.attribute] ?? []}
                    onChange={(v) => {
                      form.set('added', { ...values.added, [a.attribute]: v });
                      form.setErrors((errs) => withoutErrorsUnder(errs, 'addValues'));
                    }}
                    error={i >= 0 ? errorUnder(form.errors, `addValues.${i}`) : undefined}
                    splitChars={[',', '|']}
                  />
                );
              })}
            </>
          )}
          {item.stageAttribute && (
            <StageRulesFields
              item={item}
              newStages={values.added[item.stageAttribute] ?? []}
              changed={values.rules}
              onChange={(rules) => form.set('rules', rules)}
              errorOf={form.errorOf}
            />
          )}
          <FormFooter submitLabel="Save" loading={update.isPending} onCancel={onClose} testId="edit-item" />
        </Stack>
      </form>
    </Modal>
  );
}
