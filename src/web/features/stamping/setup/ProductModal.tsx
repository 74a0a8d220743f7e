import { useEffect, type FormEvent } from 'react';
import { Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { fieldErrorsOf } from '../../../api/problem';
import { notifyError, notifySuccess } from '../../../ui/notify';
import { useForm } from '../../../ui/use-form';
import { useBrands, useCreateProduct } from './api';
import { FormFooter } from '../../../ui/FormFooter';

const blank = () => ({ brandId: null as string | null, flavour: '', volumes: '30', strengths: '' });

/** "30, 60" → ["30", "60"]: the figures stay strings, exactly as typed. */
const figures = (s: string): string[] => s.split(/[,\s]+/).map((x) => x.trim()).filter(Boolean);

/** A flavour of a brand, created with every volume × strength combination as a variant. */
export function ProductModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateProduct();
  const brands = useBrands(opened);
  const form = useForm(blank());
  const { values } = form;
  useEffect(() => {
    if (opened) form.reset(blank());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!values.brandId) errors.brandId = 'Choose the brand';
    if (!figures(values.volumes).length) errors.volumes = 'Enter at least one volume, such as 30';
    if (!figures(values.strengths).length) errors.strengths = 'Enter at least one strength, such as 10, 20';
    if (Object.keys(errors).length) return form.setErrors(errors);
    const input = { brandId: values.brandId!, flavour: values.flavour.trim(), volumesMl: figures(values.volumes), strengthsMg: figures(values.strengths) };
    create.mutate({ input, key: form.idempotencyKey }, {
      onSuccess: (r) => {
        notifySuccess(`${input.flavour} added with ${r.variants.length} ${r.variants.length === 1 ? 'variant' : 'variants'}.`);
        onClose();
      },
      onError: (err) => {
        // the API names `volumesMl.1`; the form has one input per list
        const out: Record<string, string> = {};
        for (const [field, message] of Object.entries(fieldErrorsOf(err))) {
          const name = field.startsWith('volumesMl') ? 'volumes' : field.startsWith('strengthsMg') ? 'strengths' : field;
          out[name] ??= message;
        }
        form.setErrors(out);
        notifyError(err);
      },
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Add product" data-testid="product-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Select
            label="Brand"
            required
            searchable
            data={(brands.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
            value={values.brandId}
            onChange={(v) => form.set('brandId', v)}
            error={form.errorOf('brandId')}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput label="Flavour" required autoComplete="off" placeholder="Blueberry Raspberry" {...form.bind('flavour')} />
          <SimpleGrid cols={2}>
            <TextInput label="Volumes (mL)" required description="Comma-separated, e.g. 30, 60" inputWrapperOrder={['label', 'input', 'description', 'error']} {...form.bind('volumes')} />
            <TextInput label="Strengths (mg)" required description="Comma-separated, e.g. 10, 20" inputWrapperOrder={['label', 'input', 'description', 'error']} {...form.bind('strengths')} />
          </SimpleGrid>
          <FormFooter submitLabel="Add product" loading={create.isPending} onCancel={onClose} testId="product" />
        </Stack>
      </form>
    </Modal>
  );
}
