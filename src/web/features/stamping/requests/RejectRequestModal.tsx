import { useEffect, useState, type FormEvent } from 'react';
import { Modal, Stack, Text, Textarea } from '@mantine/core';
import { useAttemptKey } from '../orders/mutations';
import { notifyError, notifySuccess } from '../../../ui/notify';
import { fieldErrorsOf } from '../../../api/problem';
import { useRejectRequest, type PoRequestDto } from './api';
import { FormFooter } from '../../../ui/FormFooter';

/** Reject with a reason: required, and shown to the customer in their portal. */
export function RejectRequestModal({ request, onClose }: { request: PoRequestDto | null; onClose: () => void }) {
  const reject = useRejectRequest();
  const attempt = useAttemptKey();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    setReason('');
    setError(undefined);
  }, [request?.id]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!request) return;
    if (reason.trim().length < 3) return setError('Give the customer a reason (at least 3 characters)');
    const input = { id: request.id, reason: reason.trim() };
    reject.mutate({ input, key: attempt.keyFor(input) }, {
      onSuccess: ({ request: r }) => {
        attempt.settle();
        notifySuccess(`${r.number} rejected; ${r.customerCode} sees the reason.`);
        onClose();
      },
      onError: (err) => {
        setError(fieldErrorsOf(err).reason);
        notifyError(err);
      },
    });
  };

  return (
    <Modal opened={request !== null} onClose={onClose} title={`Reject ${request?.number ?? ''}`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">The customer reads this reason in their portal.</Text>
          <Textarea label="Reason" required autosize minRows={3} maxLength={500} value={reason} onChange={(e) => { setReason(e.currentTarget.value); setError(undefined); }} error={error} data-autofocus data-testid="reject-reason" />
          <FormFooter submitLabel="Reject request" loading={reject.isPending} onCancel={onClose} testId="reject" submitColor="red" />
        </Stack>
      </form>
    </Modal>
  );
}
