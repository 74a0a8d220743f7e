import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Group, Modal, Radio, SegmentedControl, Stack, Text } from '@mantine/core';
import { messageOf } from '../../../../api/problem';
import { notifySuccess } from '../../../../ui/notify';
import { useAttemptKey } from '../../orders/mutations';
import type { SkidDto } from '../api';
import { useCompleteSkid, type CompleteSkidInput } from '../mutations';
import { PlaceSelect } from './PlaceSelect';
import { completeSkidMessage } from './skid-messages';
import { FormFooter } from '../../../../ui/FormFooter';

interface Props { poId: string; skids: SkidDto[]; stagedBoxes: number; opened: boolean; onClose: () => void }

/**
 * Commits the staged boxes: onto a new skid at a zone or slot (SK-<PO>-NN), or — once the PO has
 * a skid — appended to an existing one, which keeps its place.
 */
export function CompleteSkidModal({ poId, skids, stagedBoxes, opened, onClose }: Props) {
  const complete = useCompleteSkid();
  const attempt = useAttemptKey();
  const [mode, setMode] = useState<'new' | 'append'>('new');
  // a new skid usually goes where the last one went
  const [place, setPlace] = useState<string | null>(null);
  const [target, setTarget] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!opened) return;
    setMode('new');
    setPlace(skids.at(-1)?.locationId ?? null);
    setTarget(null);
    setError(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input: CompleteSkidInput | null = mode === 'new' ? (place ? { locationId: place } : null) : (target ? { appendToSkidId: target } : null);
    if (!input) return setError(mode === 'new' ? 'Pick a zone or slot.' : 'Pick the skid to top up.');
    setError(null);
    complete.mutate({ poId, input, key: attempt.keyFor(input) }, {
      onSuccess: (s) => {
        attempt.settle();
        // the server says what happened: staged lines of boxes already on a skid join it, new skid or not
        notifySuccess(completeSkidMessage(s, mode));
        onClose();
      },
      onError: (err) => setError(messageOf(err)),
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Complete skid" size="md" data-testid="complete-skid-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{stagedBoxes === 1 ? '1 staged box goes' : `${stagedBoxes} staged boxes go`} onto the skid.</Text>
          {skids.length > 0 && (
            <SegmentedControl fullWidth value={mode} onChange={(v) => setMode(v as 'new' | 'append')} data-testid="skid-mode"
              data={[{ value: 'new', label: 'Create new skid' }, { value: 'append', label: 'Append to existing skid' }]} />
          )}
          {mode === 'new' ? (
            <PlaceSelect value={place} onChange={setPlace} />
          ) : (
            <Radio.Group value={target} onChange={setTarget} label="Skid to top up" data-testid="skid-targets">
              <Stack gap="xs" mt="xs">
                {skids.map((s) => (
                  <Radio.Card key={s.id} value={s.id} radius="md" p="sm" data-testid="skid-target" data-label={s.label}>
                    <Group wrap="nowrap">
                      <Radio.Indicator />
                      <Stack gap={0}>
                        <Text fw={650}>{s.label}</Text>
                        <Text size="sm" c="dimmed">{s.boxes} box{s.boxes === 1 ? '' : 'es'} · {s.locationPath}</Text>
                      </Stack>
                    </Group>
                  </Radio.Card>
                ))}
              </Stack>
            </Radio.Group>
          )}
          {error && <Alert color="red" data-testid="complete-skid-error">{error}</Alert>}
          <FormFooter submitLabel={mode === 'new' ? 'Commit new skid' : 'Append to skid'} loading={complete.isPending} onCancel={onClose} testId="complete-skid" />
        </Stack>
      </form>
    </Modal>
  );
}
