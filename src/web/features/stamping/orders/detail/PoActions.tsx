import { Button, Group } from '@mantine/core';
import { IconArrowsSplit, IconCalendarEvent, IconEdit, IconFlame, IconX } from '@tabler/icons-react';
import { newIdempotencyKey } from '../../../../api/client';
import { notifyError, notifySuccess } from '../../../../ui/notify';
import type { CapacityWarning, PoDto } from '../api';
import { useUpdatePo } from '../mutations';
import type { PoDialog } from '../dialogs/use-po-dialogs';
import { canEditLines, canSchedule, canSplit, isFinished } from '../status';

/** What a planner may do with the PO in its state; a completed or cancelled PO offers nothing. */
export function PoActions({ po, onOpen, onWarnings }: {
  po: PoDto;
  onOpen: (dialog: PoDialog, poId: string) => void;
  onWarnings: (po: PoDto, warnings: CapacityWarning[]) => void;
}) {
  const update = useUpdatePo();
  if (isFinished(po)) return null;
  const toggleUrgent = () =>
    update.mutate({ input: { id: po.id, urgent: !po.urgent }, key: newIdempotencyKey() }, {
      onSuccess: (r) => {
        notifySuccess(r.po.urgent ? `${r.po.number} is urgent: top of its day.` : `${r.po.number} is no longer urgent.`);
        onWarnings(r.po, r.warnings);
      },
      onError: (err) => notifyError(err),
    });
  return (
    <Group gap="xs" data-testid="po-actions">
      {canSchedule(po) && (
        <Button leftSection={<IconCalendarEvent size={18} />} onClick={() => onOpen('schedule', po.id)} data-testid="po-schedule">
          {po.day ? 'Reschedule' : 'Schedule'}
        </Button>
      )}
      {canEditLines(po) && (
        <Button variant="light" leftSection={<IconEdit size={18} />} onClick={() => onOpen('edit', po.id)} data-testid="po-edit-lines">
          Edit lines
        </Button>
      )}
      <Button variant="light" color={po.urgent ? 'gray' : 'red'} leftSection={<IconFlame size={18} />} loading={update.isPending} onClick={toggleUrgent} data-testid="po-toggle-urgent">
        {po.urgent ? 'Not urgent' : 'Mark urgent'}
      </Button>
      {canSplit(po) && (
        <Button variant="light" leftSection={<IconArrowsSplit size={18} />} onClick={() => onOpen('split', po.id)} data-testid="po-split">
          Split…
        </Button>
      )}
      <Button variant="subtle" color="red" leftSection={<IconX size={18} />} onClick={() => onOpen('cancel', po.id)} data-testid="po-cancel">
        Cancel PO
      </Button>
    </Group>
  );
}
