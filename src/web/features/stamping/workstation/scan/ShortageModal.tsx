import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { formatDecimal } from '../../../inventory/decimal';
import { useRegionMap } from '../../orders/regions';
import type { Shortage } from './use-confirm';

interface Props {
  shortage: Shortage | null;
  error: string | null;
  confirming: boolean;
  skipping: boolean;
  onCancel: () => void;
  onSkip: () => void;
  onOverride: (reason: string) => void;
}

/**
 * The server refused the box before deducting anything: the operator cancels (nothing happens),
 * skips the box, or overrides with a reason that goes to the audit log.
 */
export function ShortageModal({ shortage, error, confirming, skipping, onCancel, onSkip, onOverride }: Props) {
  const regions = useRegionMap();
  const [overriding, setOverriding] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  useEffect(() => {
    setOverriding(false);
    setReason('');
    setReasonError(null);
  }, [shortage]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 3) return setReasonError('Say why you stamp past the balance (at least 3 characters)');
    onOverride(reason.trim());
  };

  const region = shortage ? (regions.get(shortage.regionCode)?.name ?? shortage.regionCode) : '';
  return (
    <Modal opened={shortage !== null} onClose={onCancel} title="Not enough stamps" size="md" data-testid="shortage-modal">
      {shortage && (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Alert color="orange" icon={<IconAlertTriangle />} variant="light">
              <Text fw={650} data-testid="shortage-text">
                {formatDecimal(shortage.needed)} {region} stamps needed, {formatDecimal(shortage.available)} left
              </Text>
              <Text size="sm">Nothing has been deducted yet.</Text>
            </Alert>
            {overriding && (
              <Textarea label="Override reason" description="Recorded in the audit log" required autosize minRows={2} data-autofocus
                value={reason} error={reasonError} onChange={(e) => { setReason(e.currentTarget.value); setReasonError(null); }} data-testid="override-reason" />
            )}
            {error && <Alert color="red" data-testid="shortage-error">{error}</Alert>}
            <Group justify="flex-end">
              <Button variant="default" onClick={onCancel} data-testid="shortage-cancel">Cancel</Button>
              <Button variant="light" color="gray" loading={skipping} onClick={onSkip} data-testid="shortage-skip">Skip box</Button>
              {overriding ? (
                <Button type="submit" color="orange" loading={confirming} data-testid="override-submit">Override and confirm</Button>
              ) : (
                <Button color="orange" onClick={() => setOverriding(true)} data-testid="shortage-override">Override…</Button>
              )}
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
