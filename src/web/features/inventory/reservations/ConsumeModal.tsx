import { useEffect, useState, type FormEvent } from 'react';
import { Modal, Stack, Text, TextInput } from '@mantine/core';
import type { ReservationDto } from '../../../api/types';
import { ApiError } from '../../../api/problem';
import { useForm } from '../../../ui/use-form';
import { notifySuccess } from '../../../ui/notify';
import { useSticky } from '../../../ui/use-sticky';
import { useConsumeReservation } from '../api/reservations';
import { formatDecimal, quantityProblem } from '../decimal';
import { FormFooter } from '../../../ui/FormFooter';

/** Issues reserved stock, all that remains or part of it; the issue is posted to the ledger. */
export function ConsumeModal({ reservation, onClose }: { reservation: ReservationDto | null; onClose: () => void }) {
  const consume = useConsumeReservation();
  const shown = useSticky(reservation);
  const form = useForm({ qty: '' });
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (reservation) form.reset({ qty: reservation.remaining });
    setProblem(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reservation?.id]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reservation) return;
    const qtyProblem = quantityProblem(form.values.qty);
    if (qtyProblem) return form.setErrors({ qty: qtyProblem });
    consume.mutate(
      { id: reservation.id, qty: form.values.qty.trim(), key: form.idempotencyKey },
      {
        onSuccess: (r) => {
          notifySuccess(`${r.document.number} posted: ${formatDecimal(form.values.qty.trim())} issued, ${formatDecimal(r.remaining)} still reserved.`);
          onClose();
        },
        onError: (err) => {
          setProblem(err instanceof ApiError && err.status !== 422 ? err.humanMessage : null);
          form.fail(err);
        },
      },
    );
  };

  return (
    <Modal opened={reservation !== null} onClose={onClose} title={shown ? `Consume reservation · ${shown.variantCode}` : ''} size="md" data-testid="consume-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            Issues the stock from {shown?.locationCode}
            {shown?.lotCode ? `, lot ${shown.lotCode}` : ''}: an issue document is posted and the reservation shrinks by the quantity.
          </Text>
          <TextInput label="Quantity to issue" description={`At most ${formatDecimal(shown?.remaining)} remaining`} inputWrapperOrder={['label', 'input', 'description', 'error']} required inputMode="decimal" autoComplete="off" data-autofocus {...form.bind('qty')} />
          <FormFooter problem={problem} problemTitle="Not consumed" submitLabel="Issue" loading={consume.isPending} onCancel={onClose} testId="consume" />
        </Stack>
      </form>
    </Modal>
  );
}
