import { useEffect, useState, type FormEvent } from 'react';
import { Button, Checkbox, Divider, Group, Modal, Select, SimpleGrid, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useForm } from '../../../../ui/use-form';
import { notifySuccess } from '../../../../ui/notify';
import { orNull } from '../../../../ui/format';
import { useRegions } from '../../setup/api';
import { useAvailability, useInventoriedShipments, type CapacityWarning, type PoDto } from '../api';
import { useAttemptKey, useCreatePo, type CreatePoInput } from '../mutations';
import { shortDay } from '../days';
import { PoLineRows } from './PoLineRows';
import { filledRows, lineErrors, newLineRow, toLines, type LineRow } from './line-availability';
import { FormFooter } from '../../../../ui/FormFooter';

const blank = (shipmentId: string | null) => ({ shipmentId, number: '', urgent: false, notes: '', day: '', autoSplit: false });

const withoutLineErrors = (errors: Record<string, string>) => Object.fromEntries(Object.entries(errors).filter(([k]) => !k.startsWith('lines')));

/**
 * A new PO against an inventoried shipment: lines of product × region × quantity, each beside what
 * the shipment still has available. Success is shown only once the server has created it (201).
 */
export function NewPoModal({ opened, shipmentId, onClose, onWarnings }: {
  opened: boolean;
  /** preselected source shipment (`?shipment=` on the page) */
  shipmentId: string | null;
  onClose: () => void;
  onWarnings: (po: PoDto, warnings: CapacityWarning[]) => void;
}) {
  const create = useCreatePo();
  const attempt = useAttemptKey();
  const form = useForm(blank(shipmentId));
  const [rows, setRows] = useState<LineRow[]>([newLineRow()]);
  const { values } = form;
  const shipments = useInventoriedShipments(opened);
  const availability = useAvailability(opened ? values.shipmentId : null);
  const regions = useRegions(opened);

  useEffect(() => {
    if (!opened) return;
    form.reset(blank(shipmentId));
    setRows([newLineRow()]);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, shipmentId]);

  const changeRows = (next: LineRow[]) => {
    setRows(next);
    form.setErrors(withoutLineErrors(form.errors));
  };
  const changeShipment = (id: string | null) => {
    form.set('shipmentId', id);
    // another shipment has other products: the lines start again
    setRows([newLineRow()]);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const filled = filledRows(rows);
    const errors = lineErrors(filled);
    if (!values.shipmentId) errors.shipmentId = 'Choose the source shipment';
    setRows(filled.length ? filled : [newLineRow()]);
    if (Object.keys(errors).length) return form.setErrors(errors);
    const input: CreatePoInput = {
      shipmentId: values.shipmentId!,
      number: orNull(values.number) ?? undefined,
      urgent: values.urgent,
      notes: orNull(values.notes),
      lines: toLines(filled),
      day: values.day || null,
      autoSplit: Boolean(values.day) && values.autoSplit,
    };
    create.mutate({ input, key: attempt.keyFor(input) }, {
      onSuccess: ({ po, warnings }) => {
        attempt.settle();
        const where = po.day ? `on ${shortDay(po.day)}` : po.segments.length ? `split over ${po.segments.length} days` : 'unscheduled';
        notifySuccess(`${po.number} created (${where}).`);
        onClose();
        onWarnings(po, warnings);
      },
      onError: form.fail,
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title="New production order" size="64rem" data-testid="new-po-modal">
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Source shipment"
              required
              searchable
              // a preselected shipment needs no focus: its open dropdown would cover the lines
              data-autofocus={shipmentId ? undefined : true}
              data={(shipments.data ?? []).map((s) => ({ value: s.id, label: `${s.number} — ${s.customerName}` }))}
              nothingFoundMessage="No inventoried shipment"
              value={values.shipmentId}
              onChange={changeShipment}
              error={form.errorOf('shipmentId')}
              comboboxProps={{ withinPortal: true }}
              data-testid="po-shipment"
            />
            <TextInput label="PO number" placeholder="Generated if left blank" autoComplete="off" {...form.bind('number')} data-testid="po-number" />
          </SimpleGrid>
          <Divider label="Lines" labelPosition="left" />
          <PoLineRows
            rows={rows}
            onChange={changeRows}
            availability={availability.data ?? []}
            regions={(regions.data ?? []).filter((r) => r.active)}
            errors={form.errors}
            disabled={!values.shipmentId}
          />
          <Group>
            <Button variant="subtle" size="xs" leftSection={<IconPlus size={16} />} onClick={() => setRows([...rows, newLineRow()])} data-testid="add-po-line">
              Add line
            </Button>
          </Group>
          <Divider />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Day" description="Optional: schedule it at once" type="date" {...form.bind('day')} data-testid="po-day" />
            <Stack gap="xs" justify="flex-end">
              <Checkbox
                label="Auto-split if over capacity"
                disabled={!values.day}
                checked={values.autoSplit}
                onChange={(e) => form.set('autoSplit', e.currentTarget.checked)}
                data-testid="po-auto-split"
              />
              <Switch
                label="Urgent (top of the next day with room)"
                checked={values.urgent}
                onChange={(e) => form.set('urgent', e.currentTarget.checked)}
                data-testid="po-urgent"
              />
            </Stack>
          </SimpleGrid>
          <Textarea label="Notes for the stamper" autosize minRows={2} {...form.bind('notes')} />
          <FormFooter submitLabel="Save PO" loading={create.isPending} onCancel={onClose} testId="po" />
        </Stack>
      </form>
    </Modal>
  );
}
