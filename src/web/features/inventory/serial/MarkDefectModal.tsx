import { useEffect, type FormEvent } from 'react';
import { Modal, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { SerialDto } from '../../../api/types';
import { useForm } from '../../../ui/use-form';
import { notifySuccess } from '../../../ui/notify';
import { useSerialEvent } from '../api/serials';
import { FormFooter } from '../../../ui/FormFooter';

type Outcome = 'scrap' | 'rework';

/** The statuses a defect can be found in (the server's transitions): not once scrapped or delivered. */
const DEFECT_FROM = new Set(['in_production', 'in_stock', 'defective', 'rework']);
export const canMarkDefect = (status: string) => DEFECT_FROM.has(status);
const blank = (stage: string | null) => ({ outcome: 'rework' as Outcome, reworkStage: stage ?? '', note: '' });

/** Records a defect on a unit: scrapped for good, or back to a stage for rework. */
export function MarkDefectModal({ serial, opened, onClose }: { serial: SerialDto; opened: boolean; onClose: () => void }) {
  const record = useSerialEvent(serial.id);
  const form = useForm(blank(serial.stage));
  const { values } = form;
  const rework = values.outcome === 'rework';

  useEffect(() => {
    if (opened) form.reset(blank(serial.stage));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!values.note.trim()) return form.setErrors({ note: 'Describe the defect' });
    const event = rework
      ? { event: 'defect' as const, outcome: 'rework' as const, note: values.note.trim(), ...(values.reworkStage.trim() ? { reworkStage: values.reworkStage.trim() } : {}) }
      : { event: 'defect' as const, outcome: 'scrap' as const, note: values.note.trim() };
    record.mutate(
      { event, key: form.idempotencyKey },
      {
        onSuccess: (s) => {
          notifySuccess(rework ? `${s.serialNo} sent to rework (iteration ${s.iteration}).` : `${s.serialNo} scrapped.`);
          onClose();
        },
        onError: form.fail,
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={`Mark defect · ${serial.serialNo}`} size="md" data-testid="defect-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          <SegmentedControl
            fullWidth
            color={rework ? 'orange' : 'red'}
            data={[
              { value: 'rework', label: 'Rework' },
              { value: 'scrap', label: 'Scrap' },
            ]}
            value={values.outcome}
            onChange={(o) => form.set('outcome', o as Outcome)}
            data-testid="defect-outcome"
          />
          {rework ? (
            <TextInput label="Rework from stage" description="Where the unit goes back to; empty keeps its stage" {...form.bind('reworkStage')} />
          ) : (
            <Text size="sm" c="red">
              A scrapped unit cannot come back.
            </Text>
          )}
          <Textarea label="Note" required autosize minRows={2} placeholder="What is wrong with the unit" data-autofocus {...form.bind('note')} />
          <FormFooter submitLabel={rework ? 'Send to rework' : 'Scrap unit'} loading={record.isPending} onCancel={onClose} testId="defect" submitColor={rework ? 'orange' : 'red'} />
        </Stack>
      </form>
    </Modal>
  );
}
