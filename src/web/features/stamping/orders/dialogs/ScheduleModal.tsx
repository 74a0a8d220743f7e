import { useEffect, type FormEvent } from 'react';
import { Button, Checkbox, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '../../../../ui/use-form';
import { notifySuccess } from '../../../../ui/notify';
import type { CapacityWarning, PoDto } from '../api';
import { shortDay, today } from '../days';
import { useAttemptKey, useSchedulePo, type ScheduleInput } from '../mutations';
import { canSplit } from '../status';

const blank = (po: PoDto | null) => ({ day: po?.day ?? today(), position: '', autoSplit: false });

/** What a schedule answer did, in words. */
export const scheduledText = (po: PoDto): string =>
  po.day ? `${po.number} scheduled on ${shortDay(po.day)}.` : po.segments.length ? `${po.number} split over ${po.segments.length} days.` : `${po.number} taken off the calendar.`;

/** Schedule or reschedule a PO: a day, optionally a place in its queue, optionally auto-split. */
export function ScheduleModal({ po, opened, onClose, onWarnings }: {
  po: PoDto | null;
  opened: boolean;
  onClose: () => void;
  onWarnings: (po: PoDto, warnings: CapacityWarning[]) => void;
}) {
  const schedule = useSchedulePo();
  const attempt = useAttemptKey();
  const form = useForm(blank(po));
  const { values } = form;

  useEffect(() => {
    if (opened) form.reset(blank(po));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const send = (input: ScheduleInput) =>
    schedule.mutate({ input, key: attempt.keyFor(input) }, {
      onSuccess: (r) => {
        attempt.settle();
        notifySuccess(scheduledText(r.po));
        onClose();
        onWarnings(r.po, r.warnings);
      },
      onError: form.fail,
    });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!po) return;
    const position = values.position.trim();
    if (!values.day) return form.setErrors({ day: 'Choose the day' });
    if (position && !/^\d{1,4}$/.test(position)) return form.setErrors({ position: 'A place from 1 (the top)' });
    // people count from 1, the queue from 0
    send({ id: po.id, day: values.day, position: position ? Math.max(Number(position) - 1, 0) : undefined, autoSplit: values.autoSplit });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={po ? `${po.day ? 'Reschedule' : 'Schedule'} ${po.number}` : 'Schedule'} data-testid="schedule-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={2}>
            <TextInput label="Day" type="date" required {...form.bind('day')} data-testid="schedule-day" />
            <TextInput label="Place in the day's queue" description="1 = top; blank = the end" inputMode="numeric" {...form.bind('position')} data-testid="schedule-position" />
          </SimpleGrid>
          {po && canSplit(po) && (
            <Checkbox
              label="Auto-split if over capacity (over consecutive working days)"
              checked={values.autoSplit}
              onChange={(e) => form.set('autoSplit', e.currentTarget.checked)}
              data-testid="schedule-auto-split"
            />
          )}
          {po?.urgent && <Text size="sm" c="dimmed">Urgent: without a place it goes to the top of the day.</Text>}
          <Group justify="space-between">
            <div>
              {po?.day && (
                <Button variant="subtle" color="gray" loading={schedule.isPending} onClick={() => send({ id: po.id, day: null })} data-testid="schedule-unschedule">
                  Take off the calendar
                </Button>
              )}
            </div>
            <Group>
              <Button variant="default" onClick={onClose}>Cancel</Button>
              <Button type="submit" loading={schedule.isPending} data-testid="schedule-submit">Schedule</Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
