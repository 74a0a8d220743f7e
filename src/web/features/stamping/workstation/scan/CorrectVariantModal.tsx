import { useEffect, type FormEvent } from 'react';
import { Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { request } from '../../../../api/client';
import { FormFooter } from '../../../../ui/FormFooter';
import { notifySuccess } from '../../../../ui/notify';
import { useForm } from '../../../../ui/use-form';
import { useProducts } from '../../setup/api';
import type { ScanLine } from '../api';

interface Props {
  shipmentId: string;
  line: ScanLine | null;
  onClose: () => void;
  /** the box is read again: the line now holds the product picked */
  onCorrected: () => void;
}

/**
 * "Pick a different flavour": a box line keyed in at receiving as the wrong product becomes the
 * one the box holds (the server moves its stock with it, and refuses once it is stamped).
 * The same flavour and brand are offered first, every product on request.
 */
export function CorrectVariantModal({ shipmentId, line, onClose, onCorrected }: Props) {
  const products = useProducts(line !== null);
  const form = useForm({ variantId: null as string | null, reason: '' });
  const correct = useMutation({
    mutationFn: ({ body, key }: { body: { variantId: string; reason: string }; key: string }) =>
      request('POST', `/api/stamping/shipments/${shipmentId}/box-lines/${line!.boxLineId}/variant`, { body, idempotencyKey: key }),
  });
  useEffect(() => {
    if (line) form.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [line?.boxLineId]);

  const all = (products.data ?? []).filter((p) => p.variantId !== line?.variantId);
  const alike = all.filter((p) => p.flavour === line?.flavour && p.brand === line?.brand);
  const options = [
    ...(alike.length ? [{ group: `${line?.flavour} — ${line?.brand}`, items: alike.map((p) => ({ value: p.variantId, label: p.label })) }] : []),
    { group: 'Every product', items: all.filter((p) => !alike.includes(p)).map((p) => ({ value: p.variantId, label: p.label })) },
  ];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { variantId, reason } = form.values;
    if (!variantId) return form.setErrors({ variantId: 'Pick the product the box holds' });
    const body = { variantId, reason: reason.trim() };
    correct.mutate({ body, key: form.idempotencyKey }, {
      onSuccess: () => {
        notifySuccess(`${line!.label} corrected.`);
        onCorrected();
        onClose();
      },
      onError: form.fail,
    });
  };
  return (
    <Modal opened={line !== null} onClose={onClose} title="Pick a different flavour" size="lg" data-testid="correct-variant">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">Received as <b>{line?.label}</b>. If the box holds another product, correct it here: its stock moves with it.</Text>
          <Select label="The box holds" searchable data={options} value={form.values.variantId} onChange={(v) => form.set('variantId', v)} error={form.errorOf('variantId')} data-testid="correct-variant-pick" />
          <TextInput label="Why" placeholder="e.g. the cartons say 20mg" {...form.bind('reason')} data-testid="correct-variant-reason" />
          <FormFooter submitLabel="Correct the line" loading={correct.isPending} onCancel={onClose} testId="correct-variant" />
        </Stack>
      </form>
    </Modal>
  );
}
