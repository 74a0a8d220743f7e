import { useState } from 'react';
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { messageOf } from '../../../api/problem';
import { useCan } from '../../../auth/me';
import { notifySuccess } from '../../../ui/notify';
import { useAttemptKey } from '../orders/mutations';
import { useVerifyPo, type Verification, type VerifyResult } from './api';

/** The optional note and Verify & Complete; the server's refusal (403 / 409) is shown as it says it. */
export function VerifyForm({ v, onVerified }: { v: Verification; onVerified: (r: VerifyResult) => void }) {
  const can = useCan();
  const verify = useVerifyPo();
  const attempt = useAttemptKey();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (v.po.status !== 'pending_verification') return null;

  const submit = () => {
    const body = { poId: v.po.id, note: note.trim() || null };
    setError(null);
    verify.mutate({ ...body, key: attempt.keyFor(body) }, {
      onSuccess: (r) => {
        attempt.settle();
        notifySuccess(`${r.po.number} verified and completed: on outbound ${r.outbound.number}.`);
        onVerified(r);
      },
      onError: (err) => setError(messageOf(err)),
    });
  };

  return (
    <Stack>
      <Textarea label="Note (optional)" autosize minRows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-testid="verify-note" />
      {error && <Alert color="red" title="Not verified" data-testid="verify-error">{error}</Alert>}
      <Group justify="flex-end">
        {v.canVerify && !can('stamping.verify') && <Text size="sm" c="dimmed">Completing it needs a verifier or a supervisor.</Text>}
        {v.canVerify && can('stamping.verify') && (
          <Button size="lg" color="teal" leftSection={<IconShieldCheck size={20} />} loading={verify.isPending} onClick={submit} data-testid="verify-submit">
            Verify &amp; Complete
          </Button>
        )}
      </Group>
    </Stack>
  );
}
