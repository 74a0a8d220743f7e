import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Button, Divider, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useForm } from '../../../../ui/use-form';
import { notifySuccess } from '../../../../ui/notify';
import { orNull } from '../../../../ui/format';
import { formatDecimal, isZero } from '../../../inventory/decimal';
import { useRegions } from '../../setup/api';
import { useAvailability, type CapacityWarning, type PoDto } from '../api';
import { useAttemptKey, useUpdatePo } from '../mutations';
import { PoLineRows } from '../form/PoLineRows';
import { filledRows, lineErrors, newLineRow, sumByVariant, toLines, type LineRow } from '../form/line-availability';
import { FormFooter } from '../../../../ui/FormFooter';

const rowsOf = (po: PoDto): LineRow[] => po.lines.map((l) => newLineRow({ variantId: l.variantId, regionCode: l.regionCode, qty: l.qty }));

/**
 * The PO's whole set of lines, against what the shipment has available (what this PO holds
 * counts as available to it). The server refuses over-allocation and going below what is stamped.
 */
export function EditLinesModal({ po, opened, onClose, onWarnings }: {
  po: PoDto | null;
  opened: boolean;
  onClose: () => void;
  onWarnings: (po: PoDto, warnings: CapacityWarning[]) => void;
}) {
  const update = useUpdatePo();
  const attempt = useAttemptKey();
  const form = useForm({ notes: '' });
  const [rows, setRows] = useState<LineRow[]>([]);
  const availability = useAvailability(opened && po ? po.shipmentId : null);
  const regions = useRegions(opened);
  const held = useMemo(() => sumByVariant(po?.lines ?? []), [po]);
  const stamped = (po?.lines ?? []).filter((l) => !isZero(l.stampedQty));

  useEffect(() => {
    if (!opened || !po) return;
    form.reset({ notes: po.notes ?? '' });
    setRows(rowsOf(po));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, po?.id]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!po) return;
    const filled = filledRows(rows);
    const errors = lineErrors(filled);
    setRows(filled.length ? filled : [newLineRow()]);
    if (Object.keys(errors).length) return form.setErrors(errors);
    const input = { id: po.id, lines: toLines(filled), notes: orNull(form.values.notes) };
    update.mutate({ input, key: attempt.keyFor(input) }, {
      onSuccess: (r) => {
        attempt.settle();
        notifySuccess(`${r.po.number} updated: ${formatDecimal(r.po.totalQty)} units.`);
        onClose();
        onWarnings(r.po, r.warnings);
      },
      onError: form.fail,
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={po ? `Edit lines of ${po.number}` : 'Edit lines'} size="64rem" data-testid="edit-lines-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          {stamped.length > 0 && (
            <Text size="sm" c="dimmed">
              Already stamped: {stamped.map((l) => `${l.label} ${l.regionName} ${formatDecimal(l.stampedQty)}`).join('; ')}. A line cannot go below it; increasing one requires verifying again.
            </Text>
          )}
          <PoLineRows
            rows={rows}
            onChange={(next) => {
              setRows(next);
              form.setErrors({});
            }}
            availability={availability.data ?? []}
            held={held}
            regions={(regions.data ?? []).filter((r) => r.active || po?.regions.includes(r.code))}
            errors={form.errors}
          />
          <Group>
            <Button variant="subtle" size="xs" leftSection={<IconPlus size={16} />} onClick={() => setRows([...rows, newLineRow()])}>
              Add line
            </Button>
          </Group>
          <Divider />
          <Textarea label="Notes for the stamper" autosize minRows={2} {...form.bind('notes')} />
          <FormFooter submitLabel="Save lines" loading={update.isPending} onCancel={onClose} testId="edit-lines" />
        </Stack>
      </form>
    </Modal>
  );
}
